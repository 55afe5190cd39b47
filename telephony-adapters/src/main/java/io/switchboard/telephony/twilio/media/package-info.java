/** Twilio bidirectional Media Streams protocol: inbound frame decoding and outbound media/mark/clear encoding. */
package io.switchboard.telephony.twilio.media;
