package io.switchboard.telephony.calllog;

import java.time.Instant;
import java.util.Objects;

/**
 * One turn of a stored call. Latencies are whole milliseconds, null where the stage did not happen (no recognition
 * for a keypad turn, no audio for an empty reply).
 *
 * @param turn        1 for the greeting, then counting up
 * @param via         what started the turn ({@code greeting}, {@code speech}, {@code keypad}, {@code reprompt}...)
 * @param heard       what the caller said or keyed, or null when the turn was not the caller's (greeting, re-prompt)
 * @param confidence  the recogniser's confidence in {@code heard}, 0..1, or null when it gives none
 * @param said        the receptionist's reply
 * @param intent      the dialog's topic after the turn ({@code book}), or null
 * @param state       where the dialog stood after the turn ({@code offering}), or null
 * @param at          when the turn's reply was done
 * @param endOfTurnMs the caller's silence before their turn was judged over
 * @param totalMs     end of the caller's turn to the first reply audio sent
 * @param interrupted whether the caller talked over the reply
 */
public record LoggedTurn(int turn, String via, String heard, Double confidence, String said, String intent,
                             String state, Instant at, Integer endOfTurnMs, Integer sttMs, Integer dialogMs,
                             Integer ttsMs, Integer totalMs, boolean interrupted) {

    public LoggedTurn {
        if (turn < 1) {
            throw new IllegalArgumentException("turns count from 1, was " + turn);
        }
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(at, "at");
        said = said == null ? "" : said;
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            confidence = null;
        }
    }

    /** Milliseconds from a latency in fractional ms where negative means "did not happen". */
    public static Integer millis(double value) {
        return value < 0 ? null : (int) Math.min(Integer.MAX_VALUE, Math.round(value));
    }
}
