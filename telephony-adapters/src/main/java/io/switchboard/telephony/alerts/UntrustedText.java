package io.switchboard.telephony.alerts;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes caller-supplied words safe to put in front of the owner. An emergency alert is read by a busy person who
 * trusts it, so anything a caller typed or said must not carry a number to ring (a premium-rate line), a link to
 * open, or characters that reshape the text: control and format characters (bidi overrides, zero-width joiners) are
 * dropped, look-alike characters folded (NFKC: full-width digits become digits), phone numbers, URLs, domains and
 * email addresses replaced by a marker, whitespace collapsed, and the result cut to a length.
 *
 * <p>Numbers are recognised by shape, not validity: seven or more digits in a row allowing the separators people
 * use ({@code 0909 879-0790}, {@code (0)20 7946 0000}), and seven or more spoken digits ("oh nine oh nine ...") as a
 * speech recogniser writes them. Short numbers (a house number, "2 bathrooms", a time) stay.
 */
public final class UntrustedText {

    static final String NUMBER_REMOVED = "[number removed]";
    static final String LINK_REMOVED = "[link removed]";

    private static final String DIGIT_WORD = "(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|double|triple)";
    private static final List<Replacement> REPLACEMENTS = List.of(
            // Links first: a URL may hold digits that would otherwise become a "number".
            new Replacement(Pattern.compile("(?i)\\b(?:https?|ftp)://\\S*|\\bwww\\.\\S*"), LINK_REMOVED),
            new Replacement(Pattern.compile("(?i)[\\p{L}\\p{N}._%+-]+\\s*(?:@|\\(at\\)|\\[at\\])\\s*"
                    + "[\\p{L}\\p{N}-]+(?:\\s*(?:\\.|\\(dot\\)|\\[dot\\])\\s*[\\p{L}\\p{N}-]+)+"), LINK_REMOVED),
            // Bare domains: labels joined by dots ending in a 2-24 letter top-level label (example.com, pay.me.uk),
            // and the spoken form "example dot com".
            new Replacement(Pattern.compile("(?i)\\b(?:[\\p{L}\\p{N}-]+\\.)+[\\p{L}]{2,24}\\b(?:/\\S*)?"), LINK_REMOVED),
            new Replacement(Pattern.compile("(?i)\\b[\\p{L}\\p{N}-]+(?:\\s+dot\\s+[\\p{L}\\p{N}-]+)*\\s+dot\\s+"
                    + "(?:com|co|uk|net|org|info|io|biz|me|xyz)\\b"), LINK_REMOVED),
            new Replacement(Pattern.compile("\\+?\\(?\\p{Nd}(?:[\\s().\\-/]{0,3}\\p{Nd}){6,}"), NUMBER_REMOVED),
            new Replacement(Pattern.compile("(?i)\\b" + DIGIT_WORD + "(?:[\\s,.-]+" + DIGIT_WORD + "){6,}\\b"),
                    NUMBER_REMOVED));
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private UntrustedText() {
    }

    /**
     * The caller's words as the owner may see them: cleaned, cut to {@code max} characters (an ellipsis marks a cut)
     * and in double quotes, so it reads as what someone said, not as the business's own text. Empty input gives "".
     */
    public static String quote(String raw, int max) {
        String plain = plain(raw, max);
        return plain.isEmpty() ? "" : '"' + plain + '"';
    }

    /** As {@link #quote} without the quotes, for a name or an address shown after a label. */
    public static String plain(String raw, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max must be at least 2");
        }
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        // Cap the work on hostile input before the regular expressions see it.
        String s = raw.length() > 2_000 ? raw.substring(0, 2_000) : raw;
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        s = visibleOnly(s);
        for (Replacement r : REPLACEMENTS) {
            s = r.pattern().matcher(s).replaceAll(r.marker().replace("$", "\\$"));
        }
        // Quotes inside would let the text close our quote and add "its own" words after it.
        s = s.replace('"', '\'');
        s = SPACES.matcher(s).replaceAll(" ").strip();
        return cut(s, max);
    }

    /** Drops control, format, private-use and unassigned characters; line breaks and tabs become spaces. */
    private static String visibleOnly(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (type != Character.CONTROL && type != Character.FORMAT && type != Character.PRIVATE_USE
                    && type != Character.SURROGATE && type != Character.UNASSIGNED) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static String cut(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        int end = s.offsetByCodePoints(0, max - 1);
        return s.substring(0, end).stripTrailing() + "…";
    }

    private record Replacement(Pattern pattern, String marker) {
    }
}
