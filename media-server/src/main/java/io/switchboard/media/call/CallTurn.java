package io.switchboard.media.call;

import io.switchboard.dialog.TurnResult;

/**
 * One finished turn of a call, for {@link CallTrace}s.
 *
 * @param latency    its timing
 * @param heard      the caller's words or keys that started it, or null (greeting, re-prompt, shutdown goodbye)
 * @param confidence the recogniser's confidence in {@code heard}, 0..1, or null when it gives none (as today's do)
 * @param said       the reply
 * @param result     the dialog's answer, or null when the dialog was not asked or failed
 */
public record CallTurn(TurnLatency latency, String heard, Double confidence, String said, TurnResult result) {
}
