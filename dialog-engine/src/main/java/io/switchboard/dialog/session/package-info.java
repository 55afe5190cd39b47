/**
 * Conversation sessions: one per caller per channel, stored as opaque JSON with an inactivity TTL,
 * in process by default or in Redis when {@code REDIS_URL} is set, plus per-key serialisation of turns.
 */
package io.switchboard.dialog.session;
