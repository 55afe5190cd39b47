/** The real-time voice path: codecs, VAD, STT, TTS and the turn loop on Netty. */
package io.switchboard.media;
