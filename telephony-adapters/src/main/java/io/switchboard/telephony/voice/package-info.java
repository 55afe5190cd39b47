/** Twilio's voice webhook: answers an incoming call by connecting it to the media WebSocket. */
package io.switchboard.telephony.voice;
