package io.switchboard.dialog.understanding;

import java.util.Map;
import java.util.Optional;

/**
 * Reads a PIN: 4 to 8 digits, typed ("1234", "12 34") or spoken ("one two three four", already digits after
 * {@link TextNormalizer}). A recogniser writes a spoken digit as a word that sounds like it about as often as the
 * number ("for eight two nine one six", "or eight two nine", "four eight to nine"): next to a digit, such a word is
 * read as the digit it sounds like. Alone it stays a word, so "that's for you" is no PIN.
 */
public final class PinExtractor {

    public static final int MIN_DIGITS = 4;
    public static final int MAX_DIGITS = 8;

    /** Words a recogniser writes for a spoken digit. */
    private static final Map<String, String> SOUNDS_LIKE_A_DIGIT = Map.ofEntries(Map.entry("for", "4"),
            Map.entry("fore", "4"), Map.entry("or", "4"), Map.entry("to", "2"), Map.entry("too", "2"),
            Map.entry("won", "1"), Map.entry("ate", "8"), Map.entry("oh", "0"), Map.entry("o", "0"),
            Map.entry("nought", "0"), Map.entry("zero", "0"));

    public Optional<String> extract(String normalized) {
        if (normalized == null || normalized.isBlank()) {
            return Optional.empty();
        }
        String[] tokens = digitsForHomophones(normalized.trim().split(" +"));
        int i = 0;
        while (i < tokens.length) {
            StringBuilder run = new StringBuilder();
            int j = i;
            while (j < tokens.length && isDigits(tokens[j])) {
                run.append(tokens[j]);
                j++;
            }
            if (run.length() >= MIN_DIGITS && run.length() <= MAX_DIGITS) {
                return Optional.of(run.toString());
            }
            i = Math.max(j, i + 1);
        }
        return Optional.empty();
    }

    /**
     * {@code tokens} with each digit homophone that sits next to a digit (or next to another homophone that does)
     * replaced by that digit. Passes left to right and back so a run of homophones ("to to 3") is reached from its
     * digit on either side.
     */
    private static String[] digitsForHomophones(String[] tokens) {
        String[] out = tokens.clone();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < out.length; i++) {
                String digit = SOUNDS_LIKE_A_DIGIT.get(out[i]);
                if (digit != null && (i > 0 && isDigits(out[i - 1]) || i + 1 < out.length && isDigits(out[i + 1]))) {
                    out[i] = digit;
                    changed = true;
                }
            }
        }
        return out;
    }

    private static boolean isDigits(String token) {
        return !token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
