/**
 * The media WebSocket on Netty: Twilio connects here for each call's bidirectional Media Stream; frames are decoded on
 * the event loop and handed to the call's voice loop without blocking.
 */
package io.switchboard.media.server;
