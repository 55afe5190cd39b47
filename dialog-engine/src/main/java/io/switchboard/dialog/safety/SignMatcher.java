package io.switchboard.dialog.safety;

import io.switchboard.models.SafetyRule;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches a profile's safety signs by their words, not as fixed strings: a sign matches when every one of its content
 * words (or a word meaning the same, by stem: "smell", "smelling", "whiff", "stink") occurs within a short stretch of
 * what was said, in any order. So the sign "smell gas" covers "there's a strong smell of gas", "I can smell gas near
 * the boiler" and "it smells gassy in here"; "water through ceiling" covers "water is pouring through the ceiling" and
 * "the ceiling has water coming through". A sign whose first word comes right after a negation ("no smell of gas",
 * "I can't smell gas any more") does not count, nor does asking for a detector to be fitted.
 */
public final class SignMatcher implements SafetyRecognizer {

    /** Words a sign may carry that say nothing on their own. */
    private static final Set<String> FILLERS = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "is", "are",
            "it", "its", "my", "our", "through", "thru", "coming", "come", "near", "from", "by", "with", "some", "and",
            "there", "theres", "has", "have", "been", "very", "strong", "really");
    /**
     * Words that mean the same for recognising a danger, each mapped to one concept word. Stems are compared, so
     * only one form of each word is listed.
     */
    private static final Map<String, String> SAME = concepts(Map.of(
            "smell", List.of("smell", "smelt", "whiff", "stink", "stench", "odour", "odor", "reek", "pong", "fume"),
            "gas", List.of("gas", "gassy", "gasy"),
            "leak", List.of("leak", "escape", "hiss", "seep"),
            "alarm", List.of("alarm", "detector", "sensor", "monitor", "beep", "alert"),
            "ceiling", List.of("ceiling", "ceilng", "roof"),
            "burst", List.of("burst", "bust", "split", "broke", "broken", "crack", "ruptur", "blown", "bursted"),
            "pipe", List.of("pipe", "piping", "pipework"),
            "electric", List.of("electric", "electrics", "electrical", "socket", "wiring", "fuse", "plug", "switch",
                    "light", "lights", "lightfit"),
            "drip", List.of("drip", "pour", "gush", "stream", "run", "flood", "trickl", "spray")));
    private static final Set<String> NEGATIONS = Set.of("no", "not", "never", "without", "cant", "cannot", "dont",
            "doesnt", "isnt", "nothing", "any");
    /** Asking for an alarm to be fitted or serviced is a booking, not a report of danger. */
    private static final Set<String> FITTING = Set.of("fit", "install", "instal", "supply", "replac", "new", "servic",
            "test", "quote", "price", "cost");
    /** The most words between the first and last word of a sign. */
    private static final int WINDOW = 8;

    private final Map<String, List<List<String>>> prepared = new ConcurrentHashMap<>();

    @Override
    public Optional<SafetyRule> recognise(String said, List<SafetyRule> rules) {
        if (said == null || said.isBlank() || rules.isEmpty()) {
            return Optional.empty();
        }
        List<String> words = words(said);
        List<String> concepts = words.stream().map(SignMatcher::concept).toList();
        for (SafetyRule rule : rules) {
            for (List<String> sign : prepared.computeIfAbsent(rule.id() + '\u0000' + String.join("|", rule.signs()),
                    k -> prepare(rule.signs()))) {
                if (matches(words, concepts, sign)) {
                    return Optional.of(rule);
                }
            }
        }
        return Optional.empty();
    }

    private static List<List<String>> prepare(List<String> signs) {
        List<List<String>> out = new ArrayList<>();
        for (String sign : signs) {
            List<String> concepts = words(sign).stream().filter(w -> !FILLERS.contains(w)).map(SignMatcher::concept)
                    .distinct().toList();
            if (!concepts.isEmpty()) {
                out.add(concepts);
            }
        }
        return List.copyOf(out);
    }

    /** Every concept of the sign within {@link #WINDOW} words, the first occurrence not negated. */
    private static boolean matches(List<String> words, List<String> concepts, List<String> sign) {
        for (int start = 0; start < concepts.size(); start++) {
            if (!sign.contains(concepts.get(start))) {
                continue;
            }
            int end = Math.min(concepts.size(), start + WINDOW + 1);
            List<String> stretch = concepts.subList(start, end);
            if (stretch.containsAll(sign) && !negated(words, start) && !askingToFit(words, start, end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean negated(List<String> words, int at) {
        for (int i = at - 1; i >= 0 && i >= at - 3; i--) {
            if (NEGATIONS.contains(words.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean askingToFit(List<String> words, int start, int end) {
        for (int i = Math.max(0, start - 5); i < start; i++) {
            if (FITTING.contains(stem(words.get(i)))) {
                return true;
            }
        }
        return false;
    }

    /** Lower-case words without accents or apostrophes ("can't" is "cant", "CO" is "co"). */
    private static List<String> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("['’]", "");
        List<String> out = new ArrayList<>();
        for (String w : plain.split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String concept(String word) {
        String stem = stem(word);
        return SAME.getOrDefault(stem, SAME.getOrDefault(word, stem));
    }

    /** A small suffix stripper; both the signs and what was said go through it, so consistency is what counts. */
    static String stem(String word) {
        String w = word;
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            w = undoubled(w.substring(0, w.length() - 3));
        } else if (w.length() > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
            w = undoubled(w.substring(0, w.length() - 2));
        } else if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /**
     * "dripp" (from "dripping", "dripped") is "drip", "runn" is "run": a consonant doubled before the suffix, except
     * the endings that are double in the word itself ("smell", "hiss", "fizz", "stuff").
     */
    private static String undoubled(String w) {
        int n = w.length();
        if (n > 2 && w.charAt(n - 1) == w.charAt(n - 2) && "bdgkmnprt".indexOf(w.charAt(n - 1)) >= 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    private static Map<String, String> concepts(Map<String, List<String>> groups) {
        Map<String, String> out = new java.util.HashMap<>();
        groups.forEach((concept, words) -> words.forEach(w -> {
            out.putIfAbsent(stem(w), concept);
            out.putIfAbsent(w, concept);
        }));
        return Map.copyOf(out);
    }
}
