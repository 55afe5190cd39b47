package io.switchboard.dialog.understanding;

import java.util.List;

/**
 * A turn's text before and after {@link TextNormalizer}.
 *
 * @param original the caller's text as received (capped in length)
 * @param text     lower-case, punctuation-free, single-spaced, shorthand and spoken numbers rewritten
 */
public record NormalizedText(String original, String text) {

    public NormalizedText {
        original = original == null ? "" : original;
        text = text == null ? "" : text;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public List<String> tokens() {
        return text.isEmpty() ? List.of() : List.of(text.split(" "));
    }
}
