package io.switchboard.media.call;

import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.dialog.understanding.Expectation;

import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * When a caller's turn may end before the full end-of-speech hangover: for which questions, and whether a partial
 * transcript already answers one. There is one rule for that, the dialog engine's {@link AnswerCheck}, which reads
 * the turn result's {@link Expectation} (the slot asked for and the options offered); {@link #NEVER} is for a
 * pipeline without a dialog behind it.
 *
 * @param applies whether partial transcripts are worth reading for this question at all
 * @param answers whether the partial transcript is a complete answer
 */
public record EarlyEnd(Predicate<Expectation> applies, BiPredicate<Expectation, String> answers) {

    /** Every turn waits for the full end-of-speech pause. */
    public static final EarlyEnd NEVER = new EarlyEnd(e -> false, (e, partial) -> false);

    /** Early ends decided by the dialog's own understanding of the partial transcript. */
    public static EarlyEnd of(AnswerCheck check) {
        return new EarlyEnd(AnswerCheck::applies, check::answers);
    }
}
