package io.switchboard.media.call;

import io.switchboard.dialog.understanding.Expectation;

import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * When a caller's turn may end before the full end-of-speech hangover: for which questions, and whether a partial
 * transcript already answers one. The dialog engine's {@code AnswerCheck} knows most answers (a day and time, a
 * full name, a postcode); {@link #WORDS} knows only yes/no and PINs and needs nothing but the words.
 *
 * @param applies whether partial transcripts are worth reading for this question at all
 * @param answers whether the partial transcript is a complete answer
 */
public record EarlyEnd(Predicate<Expectation> applies, BiPredicate<Expectation, String> answers) {

    /** Yes/no and PIN answers only, recognised from the words themselves. */
    public static final EarlyEnd WORDS = new EarlyEnd(EarlyAnswer::applies, EarlyAnswer::answers);
}
