package io.switchboard.media.call;

/**
 * Receives the timing of every turn once its reply has been sent (or interrupted). Called on the call's speaking
 * thread: keep it quick and thread-safe (many calls publish at once).
 */
@FunctionalInterface
public interface TurnLatencyListener {

    void onTurn(TurnLatency latency);
}
