package io.switchboard.dialog.understanding;

import java.util.Optional;

/**
 * Reads a PIN: 4 to 8 digits, typed ("1234", "12 34") or spoken ("one two three four", already digits after
 * {@link TextNormalizer}).
 */
public final class PinExtractor {

    public static final int MIN_DIGITS = 4;
    public static final int MAX_DIGITS = 8;

    public Optional<String> extract(String normalized) {
        if (normalized == null || normalized.isBlank()) {
            return Optional.empty();
        }
        String[] tokens = normalized.trim().split(" +");
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

    private static boolean isDigits(String token) {
        return !token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
