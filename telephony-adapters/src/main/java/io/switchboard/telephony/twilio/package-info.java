/** Twilio webhooks: request signature verification and the TwiML answers. */
package io.switchboard.telephony.twilio;
