/** Provider protocols (Twilio, WhatsApp) and the Vert.x HTTP control plane. */
package io.switchboard.telephony;
