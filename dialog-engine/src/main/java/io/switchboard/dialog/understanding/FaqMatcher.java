package io.switchboard.dialog.understanding;

import io.switchboard.models.FaqEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the FAQ entry a question is about from the entries' keywords ("how much", "open", "cover"), matched by
 * whole words and stems. The entry with the most keyword words found wins; on a tie the first in the profile.
 */
public final class FaqMatcher {

    private final TextNormalizer normalizer = new TextNormalizer();

    public Optional<FaqEntry> match(String normalized, List<FaqEntry> faq) {
        if (normalized == null || normalized.isBlank() || faq == null || faq.isEmpty()) {
            return Optional.empty();
        }
        List<String> stems = stems(normalized);
        FaqEntry best = null;
        int bestScore = 0;
        for (FaqEntry entry : faq) {
            int score = 0;
            for (String keyword : entry.keywords()) {
                List<String> kw = stems(normalizer.normalize(keyword).text());
                if (!kw.isEmpty() && indexOf(stems, kw) >= 0) {
                    score += kw.size();
                }
            }
            if (score > bestScore) {
                best = entry;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.trim().split(" +")) {
            if (!w.isEmpty()) {
                out.add(WordStemmer.stem(w));
            }
        }
        return out;
    }

    private static int indexOf(List<String> text, List<String> phrase) {
        outer:
        for (int i = 0; i + phrase.size() <= text.size(); i++) {
            for (int k = 0; k < phrase.size(); k++) {
                if (!text.get(i + k).equals(phrase.get(k))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
