/**
 * A simulated Twilio caller: speaks the Media Streams protocol over a real WebSocket with espeak-ng speech paced in
 * real time, plays the server's reply audio and echoes its marks as Twilio does. Used by the end-to-end tests and the
 * load generator, and by operators to smoke-test a deployment.
 */
package io.switchboard.media.simulator;
