package io.switchboard.scheduling.profile;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/** The known key an unknown one was probably meant to be ({@code minimum_notise} → {@code minimum_notice}). */
final class KeySuggestion {

    /** More edits than this and the guess would mislead more often than it helps. */
    private static final int MAX_EDITS = 2;

    private KeySuggestion() {
    }

    static Optional<String> closest(String key, Set<String> known) {
        return known.stream()
                .filter(k -> distance(key, k) <= MAX_EDITS)
                .min(Comparator.comparingInt((String k) -> distance(key, k)).thenComparing(k -> k));
    }

    /** Levenshtein distance; keys are short, so the plain two-row table is enough. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
