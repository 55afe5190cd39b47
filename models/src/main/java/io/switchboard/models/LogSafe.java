package io.switchboard.models;

/**
 * Makes untrusted text safe to put in a log line: control characters (line breaks above all, which would let a
 * client forge a whole log line) and other invisible format characters become visible {@code \n}, {@code \r},
 * {@code \t} or {@code \\uXXXX} escapes, and a backslash is doubled so an escape written by a client cannot pass for
 * one written here.
 */
public final class LogSafe {

    private LogSafe() {
    }

    /** The text with control characters escaped; {@code null} becomes {@code "<none>"}. */
    public static String escape(CharSequence text) {
        if (text == null) {
            return "<none>";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text.toString() : out.toString();
    }

    private static String replacement(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\\' -> "\\\\";
            default -> Character.isISOControl(c) || isInvisibleFormat(c) ? String.format("\\u%04x", (int) c) : null;
        };
    }

    /** Line and paragraph separators and the bidi overrides that can make a log line read differently. */
    private static boolean isInvisibleFormat(char c) {
        return c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
