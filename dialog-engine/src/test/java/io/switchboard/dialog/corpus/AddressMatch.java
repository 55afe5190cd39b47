package io.switchboard.dialog.corpus;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a stored or read-back address is the caller's address: the first line (flat/unit prefix, number and
 * street) and the postcode must both be there. Spelling differences a person would not mind are ignored: case,
 * punctuation, "St"/"Rd", number words, postcode spacing.
 */
final class AddressMatch {

    private static final Pattern WORD_NUMBERS = Pattern.compile(
            "\\b(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?: (one|two|three|four|five|six|seven|eight|nine))?"
                    + "|(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
                    + "|sixteen|seventeen|eighteen|nineteen))\\b");

    private AddressMatch() {
    }

    static String normal(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ");
        Matcher m = WORD_NUMBERS.matcher(t);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            int v = m.group(1) != null ? SpokenNumbers.value(m.group(1)) + (m.group(2) == null ? 0 : SpokenNumbers.value(m.group(2)))
                    : SpokenNumbers.value(m.group(3));
            m.appendReplacement(b, String.valueOf(v));
        }
        m.appendTail(b);
        return (" " + b + " ").replaceAll("\\s+", " ")
                .replace(" st ", " street ").replace(" rd ", " road ").replace(" ave ", " avenue ")
                .replaceAll("(\\d) ([a-z]) ", "$1$2 ")
                .strip();
    }

    static boolean matches(String stored, Address truth) {
        if (stored == null || stored.contains("@")) {
            return false;
        }
        String s = " " + normal(stored) + " ";
        return s.contains(" " + normal(truth.line1()) + " ") && hasPostcode(stored, truth);
    }

    static boolean hasPostcode(String text, Address truth) {
        String compact = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String spokenCompact = normal(text).replace(" ", "");
        String pc = truth.postcode().toLowerCase(Locale.ROOT).replace(" ", "");
        return compact.contains(pc) || spokenCompact.contains(pc);
    }
}
