package io.switchboard.dialog.understanding;

import io.switchboard.models.ServiceType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to "is that X, or Y?": the option whose own words the answer uses and the other's do not. Unlike the
 * {@link ServiceMatcher}, everyday words count here ("a repair", "a new one fitted"), because the question already
 * narrowed the choice to two; a few everyday verbs stand for the word a service name uses ("fitted" for install).
 */
public final class ServiceChoice {

    /** Everyday words for a job, as the word a service's name or synonyms would use. */
    private static final Map<String, String> SAME_AS = Map.ofEntries(
            Map.entry("fit", "install"), Map.entry("fitted", "install"), Map.entry("fitting", "install"),
            Map.entry("installed", "install"), Map.entry("installing", "install"), Map.entry("installation", "install"),
            Map.entry("replace", "install"), Map.entry("replaced", "install"), Map.entry("replacement", "install"),
            Map.entry("new", "install"),
            Map.entry("broken", "repair"), Map.entry("broke", "repair"), Map.entry("fix", "repair"),
            Map.entry("fixed", "repair"), Map.entry("fixing", "repair"), Map.entry("mend", "repair"),
            Map.entry("repairing", "repair"), Map.entry("repaired", "repair"), Map.entry("repairs", "repair"));

    private final TextNormalizer normalizer = new TextNormalizer();

    /** The one option the answer points at, or empty when it points at both or neither. */
    public Optional<ServiceType> choose(String answer, List<ServiceType> options) {
        if (answer == null || answer.isBlank() || options.size() < 2) {
            return Optional.empty();
        }
        Set<String> said = words(answer);
        List<Set<String>> vocab = new ArrayList<>();
        for (ServiceType s : options) {
            Set<String> v = new HashSet<>(words(s.name()));
            s.synonyms().forEach(x -> v.addAll(words(x)));
            v.addAll(words(s.id().replace('-', ' ')));
            vocab.add(v);
        }
        ServiceType best = null;
        int bestScore = 0;
        boolean tie = false;
        for (int i = 0; i < options.size(); i++) {
            int score = 0;
            for (String w : said) {
                if (!vocab.get(i).contains(w)) {
                    continue;
                }
                boolean shared = false;
                for (int j = 0; j < options.size(); j++) {
                    shared |= j != i && vocab.get(j).contains(w);
                }
                score += shared ? 0 : 1;
            }
            if (score > bestScore) {
                best = options.get(i);
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    private Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String t : normalizer.normalize(text).tokens()) {
            String w = SAME_AS.getOrDefault(t, t);
            out.add(WordStemmer.stem(w));
            out.add(w);
        }
        out.removeAll(Set.of("a", "an", "the", "it", "is", "please", "one", "i", "my", "need", "its", "s"));
        return out;
    }
}
