package io.switchboard.dialog.llm;

import java.util.Optional;

/**
 * Cleans free text that came from a caller or a model before it is used or sent anywhere: control and
 * invisible formatting characters (zero-width, bidi overrides) become spaces, whitespace collapses, and the
 * result is trimmed and capped without splitting a surrogate pair.
 */
final class UntrustedText {

    private UntrustedText() {
    }

    /** The cleaned text, or empty when nothing printable is left. */
    static Optional<String> clean(String raw, int maxChars) {
        if (raw == null) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), maxChars + 1));
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length() && out.length() < maxChars; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || invisible(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (out.length() + Character.charCount(cp) > maxChars) {
                break;
            }
            out.appendCodePoint(cp);
        }
        String cleaned = out.toString().strip();
        return cleaned.isEmpty() ? Optional.empty() : Optional.of(cleaned);
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
