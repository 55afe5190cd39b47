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

    /** Keyword stems of the last FAQ list seen; profiles rarely change, so one entry is enough. */
    private record Prepared(List<FaqEntry> faq, List<List<List<String>>> keywordStems) {
    }

    private final TextNormalizer normalizer = new TextNormalizer();
    private volatile Prepared prepared;

    public Optional<FaqEntry> match(String normalized, List<FaqEntry> faq) {
        if (normalized == null || normalized.isBlank() || faq == null || faq.isEmpty()) {
            return Optional.empty();
        }
        Prepared p = prepare(faq);
        List<String> stems = stems(normalized);
        FaqEntry best = null;
        int bestScore = 0;
        for (int e = 0; e < faq.size(); e++) {
            FaqEntry entry = faq.get(e);
            int score = 0;
            for (List<String> kw : p.keywordStems().get(e)) {
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

    private Prepared prepare(List<FaqEntry> faq) {
        Prepared p = prepared;
        if (p != null && (p.faq() == faq || p.faq().equals(faq))) {
            return p;
        }
        List<List<List<String>>> all = new ArrayList<>(faq.size());
        for (FaqEntry entry : faq) {
            List<List<String>> keywords = new ArrayList<>();
            for (String keyword : entry.keywords()) {
                keywords.add(stems(normalizer.normalize(keyword).text()));
            }
            all.add(keywords);
        }
        p = new Prepared(List.copyOf(faq), all);
        prepared = p;
        return p;
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
