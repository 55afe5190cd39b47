package io.switchboard.dialog.understanding;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * The space-separated words of a normalized message, or of what is left of it once some readings took their words;
 * positions in a shortened text map back to the full message so readings always name the message's own words.
 */
final class Tokens {

    private final List<String> words;
    /** {@code toMessage[i]} is the position in the full message of word {@code i} here. */
    private final int[] toMessage;

    private Tokens(List<String> words, int[] toMessage) {
        this.words = words;
        this.toMessage = toMessage;
    }

    static Tokens of(String normalized) {
        List<String> words = new ArrayList<>();
        for (String w : normalized.trim().split(" +")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        int[] identity = new int[words.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return new Tokens(List.copyOf(words), identity);
    }

    String text() {
        return String.join(" ", words);
    }

    List<String> words() {
        return words;
    }

    int size() {
        return words.size();
    }

    /** The words not in {@code claimed} (positions of the full message), mapped so readings can be placed back. */
    Tokens without(BitSet claimed) {
        List<String> kept = new ArrayList<>();
        List<Integer> map = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (!claimed.get(toMessage[i])) {
                kept.add(words.get(i));
                map.add(toMessage[i]);
            }
        }
        return new Tokens(List.copyOf(kept), map.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Positions here, as positions in the full message. */
    Words toMessage(Words local) {
        return local.mapped(toMessage);
    }

    /** Where {@code phrase} (normalized, space-separated) first occurs as whole words; none when it does not. */
    Words locate(String phrase) {
        if (phrase == null || phrase.isBlank()) {
            return Words.NONE;
        }
        String[] p = phrase.trim().split(" +");
        outer:
        for (int i = 0; i + p.length <= words.size(); i++) {
            for (int k = 0; k < p.length; k++) {
                if (!words.get(i + k).equals(p[k])) {
                    continue outer;
                }
            }
            return Words.range(i, i + p.length);
        }
        return Words.NONE;
    }

    /** The words of {@link #text()} that a character span (as the extractors report them) touches. */
    Words covering(Span span) {
        BitSet b = new BitSet();
        if (span == null) {
            return Words.NONE;
        }
        int at = 0;
        for (int i = 0; i < words.size(); i++) {
            int end = at + words.get(i).length();
            if (at < span.end() && span.start() < end) {
                b.set(i);
            }
            at = end + 1;
        }
        return Words.of(b);
    }

    /** The positions of every word that passes {@code test}. */
    Words where(Predicate<String> test) {
        BitSet b = new BitSet();
        for (int i = 0; i < words.size(); i++) {
            if (test.test(words.get(i))) {
                b.set(i);
            }
        }
        return Words.of(b);
    }
}
