package io.switchboard.dialog.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Spots an emergency from the business's own keywords ("burst pipe", "flooding", "no water", "sewage", "gas smell")
 * plus the words "emergency" and "urgent". Matching is by word and stem, so "burst pipes", "the pipe has burst",
 * "flooded" and "smell of gas" count. A keyword right after a negation ("there's no sewage", "not flooding") does
 * not, and an explicit "it's not an emergency" / "not urgent" / "no rush" clears the whole turn: the caller's own
 * judgement wins over a keyword.
 */
public final class EmergencyDetector {

    private static final List<String> GENERIC = List.of("emergency", "urgent", "urgently");
    private static final Set<String> FILLERS = Set.of("a", "an", "the", "my", "our", "some", "of", "is", "has",
            "have", "been", "its", "it", "are", "totally", "completely", "really", "just");
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "without", "nothing");
    private static final Pattern DENIAL = Pattern.compile("\\b(?:(?:is|it is|its|that is) not (?:an? )?"
            + "(?:emergency|urgent|that urgent)|not an emergency|no emergency|not urgent|nothing urgent|no rush"
            + "|no hurry|not in a rush|not in a hurry|can wait|not that urgent)\\b");
    private static final int NEGATION_WINDOW = 3;

    /** A keyword as said and as stems; the last keyword list seen is kept, profiles rarely change. */
    private record Keyword(String text, String[] words, List<String> stems) {
    }

    private record Prepared(List<String> source, List<Keyword> keywords) {
    }

    private volatile Prepared prepared;

    /** Whether the turn reports an emergency. */
    public boolean isEmergency(String normalized, List<String> keywords) {
        return matchedKeyword(normalized, keywords).isPresent();
    }

    /** The keyword that made the turn an emergency. */
    public Optional<String> matchedKeyword(String normalized, List<String> keywords) {
        if (normalized == null || normalized.isBlank() || DENIAL.matcher(normalized).find()) {
            return Optional.empty();
        }
        String[] raw = normalized.trim().split(" +");
        List<String> stems = new ArrayList<>(raw.length);
        for (String w : raw) {
            stems.add(WordStemmer.stem(w));
        }
        for (Keyword k : prepare(keywords == null ? List.of() : keywords)) {
            String keyword = k.text();
            String[] kw = k.words();
            List<String> kstems = k.stems();
            for (int start = 0; start < stems.size(); start++) {
                int end = matchForward(stems, start, kstems);
                if (end < 0 && kstems.size() == 2) {
                    end = matchReversed(stems, start, kstems);
                }
                if (end < 0) {
                    continue;
                }
                boolean pluralGeneric = GENERIC.contains(keyword) && raw[start].endsWith("ies");
                if (!pluralGeneric && !negated(raw, start, kw[0])) {
                    return Optional.of(keyword);
                }
            }
        }
        return Optional.empty();
    }

    private List<Keyword> prepare(List<String> keywords) {
        Prepared p = prepared;
        if (p != null && (p.source() == keywords || p.source().equals(keywords))) {
            return p.keywords();
        }
        List<String> all = new ArrayList<>(keywords);
        all.addAll(GENERIC);
        List<Keyword> prepared = new ArrayList<>(all.size());
        for (String keyword : all) {
            String[] kw = keyword.toLowerCase(java.util.Locale.ROOT).trim().split("[^a-z0-9]+");
            if (kw.length == 0 || kw[0].isEmpty()) {
                continue;
            }
            List<String> stems = new ArrayList<>(kw.length);
            for (String k : kw) {
                stems.add(WordStemmer.stem(k));
            }
            prepared.add(new Keyword(keyword, kw, List.copyOf(stems)));
        }
        this.prepared = new Prepared(List.copyOf(keywords), List.copyOf(prepared));
        return this.prepared.keywords();
    }

    /** Keyword words in order, with only filler words between them ("burst a pipe"). */
    private static int matchForward(List<String> stems, int start, List<String> kw) {
        if (!stems.get(start).equals(kw.get(0))) {
            return -1;
        }
        int i = start + 1;
        for (int k = 1; k < kw.size(); k++) {
            int gap = 0;
            while (i < stems.size() && !stems.get(i).equals(kw.get(k)) && FILLERS.contains(stems.get(i)) && gap < 2) {
                i++;
                gap++;
            }
            if (i >= stems.size() || !stems.get(i).equals(kw.get(k))) {
                return -1;
            }
            i++;
        }
        return i;
    }

    /** Two-word keywords said the other way round ("pipe has burst", "smell of gas"). */
    private static int matchReversed(List<String> stems, int start, List<String> kw) {
        if (!stems.get(start).equals(kw.get(1))) {
            return -1;
        }
        for (int i = start + 1; i < stems.size() && i <= start + 3; i++) {
            if (stems.get(i).equals(kw.get(0))) {
                return i + 1;
            }
            if (!FILLERS.contains(stems.get(i))) {
                return -1;
            }
        }
        return -1;
    }

    /** A negation right before the keyword, fillers aside ("no sewage", "not a burst pipe", "isn't flooding"). */
    private static boolean negated(String[] raw, int start, String firstKeywordWord) {
        for (int i = start - 1; i >= 0 && i >= start - NEGATION_WINDOW; i--) {
            if (NEGATIONS.contains(raw[i])) {
                return !raw[i].equals(firstKeywordWord) || i < start - 1;
            }
            if (!FILLERS.contains(raw[i]) && !raw[i].equals("any")) {
                return false;
            }
        }
        return false;
    }
}
