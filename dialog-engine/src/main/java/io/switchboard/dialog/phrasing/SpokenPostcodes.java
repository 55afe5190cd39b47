package io.switchboard.dialog.phrasing;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK postcode read back the way people check one over the phone, character by character with a pause between its
 * halves ("B S 8, 4 D R"): a synthesiser reads "BS8" as a word, and a misheard letter is exactly what the caller
 * must be able to catch.
 */
final class SpokenPostcodes {

    private static final Pattern POSTCODE = Pattern.compile(
            "\\b([A-Za-z]{1,2}[0-9][A-Za-z0-9]?)\\s*([0-9][A-Za-z]{2})\\b");

    private SpokenPostcodes() {
    }

    /** {@code address} with its postcode, if it has one, spelled out; otherwise unchanged. */
    static String spelledIn(String address) {
        Matcher m = POSTCODE.matcher(address);
        if (!m.find()) {
            return address;
        }
        String spelled = spelled(m.group(1)) + ", " + spelled(m.group(2));
        return address.substring(0, m.start()) + spelled + address.substring(m.end());
    }

    private static String spelled(String part) {
        StringBuilder out = new StringBuilder();
        for (char ch : part.toUpperCase(Locale.ROOT).toCharArray()) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(ch);
        }
        return out.toString();
    }
}
