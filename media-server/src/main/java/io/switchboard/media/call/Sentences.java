package io.switchboard.media.call;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a reply into sentences. Each is synthesised and marked on its own: the first one starts playing sooner, fixed
 * sentences ("Can I take your name, please?") come from the prompt cache even inside longer replies, and the marks
 * tell how much of a reply the caller heard before barging in.
 */
final class Sentences {

    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+");

    private Sentences() {
    }

    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : BOUNDARY.split(text.strip())) {
            String s = part.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
