package io.switchboard.bench.load;

import io.switchboard.media.simulator.ScriptResult;

/**
 * One simulated call of a load level.
 *
 * @param phone     the caller id it dialled from
 * @param script    how far the booking conversation got
 * @param closeCode the WebSocket close code the server hung up with (1000 after the goodbye), -1 if it broke, 0 if
 *                  the server had not hung up when the caller gave up
 * @param cutOffs   the caller's lines that were falsely cut off ({@link FalseCutOffs})
 * @param slot      the slot the caller asked for
 */
record CallOutcome(String phone, ScriptResult script, int closeCode, int cutOffs, SlotPlan.Slot slot) {

    /** Every line got a reply and the server said goodbye and hung up. */
    boolean conversationCompleted() {
        return script.finished() && closeCode == 1000;
    }
}
