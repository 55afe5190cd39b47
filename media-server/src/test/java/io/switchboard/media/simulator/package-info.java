/**
 * A simulated Twilio caller: speaks the Media Streams protocol over a real WebSocket with synthetic speech
 * ({@link io.switchboard.media.simulator.CallerVoice}: MaryTTS with audio effects on every machine, espeak-ng and
 * flite where installed) paced in real time, plays the server's reply audio and echoes its marks as Twilio does.
 * Test code: published in media-server's test-jar for the end-to-end tests and {@code bench} (load generator, smoke
 * call), never part of the server's jar.
 */
package io.switchboard.media.simulator;
