/** Telephony audio codecs (G.711 mu-law as used by Twilio Media Streams). */
package io.switchboard.media.codec;
