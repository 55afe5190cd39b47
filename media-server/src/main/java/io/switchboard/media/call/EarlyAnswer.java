package io.switchboard.media.call;

import io.switchboard.dialog.understanding.Expectation;
import java.util.Set;

/**
 * Whether a partial transcript already answers what the dialog asked, so the turn can end after a short pause instead
 * of the full end-of-speech hangover. Only answers that cannot usefully grow qualify: a yes or no, a complete PIN.
 */
final class EarlyAnswer {

    /** Owner PINs are at least four digits; fewer would be guessable on a phone line. */
    static final int PIN_DIGITS = 4;

    private static final Set<String> YES_NO = Set.of("yes", "yeah", "yep", "yup", "no", "nope", "nah", "correct",
            "right", "sure", "okay", "ok", "absolutely", "definitely", "please");
    private static final Set<String> DIGITS = Set.of("zero", "oh", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine");

    private EarlyAnswer() {
    }

    /** Whether the dialog's expectation is one an early end can serve at all (so partials are worth asking for). */
    static boolean applies(Expectation expecting) {
        return expecting == Expectation.YES_NO || expecting == Expectation.PIN;
    }

    static boolean answers(Expectation expecting, String partial) {
        if (partial == null || partial.isBlank() || !applies(expecting)) {
            return false;
        }
        String[] words = partial.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+");
        if (expecting == Expectation.YES_NO) {
            for (String w : words) {
                if (YES_NO.contains(w)) {
                    return true;
                }
            }
            return false;
        }
        int digits = 0;
        for (String w : words) {
            if (DIGITS.contains(w)) {
                digits++;
            } else if (!w.isEmpty() && w.chars().allMatch(Character::isDigit)) {
                digits += w.length();
            }
        }
        return digits >= PIN_DIGITS;
    }
}
