package io.switchboard.dialog.understanding;

import io.switchboard.models.ServiceType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the business's service a caller is talking about, from the service names, ids and synonyms in the profile.
 * Token based: words are stemmed ("blocked"/"blocks"), split words are rejoined ("tank less"), and long words may
 * be one letter off (an STT slip). A phrase matched in full scores the sum of its words' weights, a word shared by
 * several services weighing less ("repair"); a phrase matched in part counts only through words no other service
 * uses ("my drain" is drain cleaning). Equal scores go to the longer matched words; a real tie is no match.
 */
public final class ServiceMatcher {

    private static final Set<String> STOP = Set.of("a", "an", "the", "my", "of", "and", "or", "in", "on", "to",
            "is", "it", "no", "not", "for", "with", "our", "your", "some", "i", "have", "has", "got", "do", "does",
            "need", "want", "please", "can", "you", "be", "been", "there", "this", "that", "at", "me", "we");
    /** Words too everyday to identify a service on their own. */
    private static final Set<String> WEAK = Set.of("call", "out", "callout", "general", "servic", "service", "job",
            "work", "fix", "get", "come", "back", "up", "hot", "cold", "install", "new", "repair", "check", "water");
    private static final double PARTIAL_FACTOR = 0.6;
    private static final double THRESHOLD = 0.5;

    private record Phrase(ServiceType service, List<String> stems) {
    }

    /** One matcher per service list is enough; profiles change rarely and building one is cheap anyway. */
    private static volatile ServiceMatcher lastBuilt;

    private final List<ServiceType> services;
    private final List<Phrase> phrases = new ArrayList<>();
    private final Map<String, Integer> servicesPerStem = new HashMap<>();
    private final TextNormalizer normalizer = new TextNormalizer();

    public ServiceMatcher(List<ServiceType> services) {
        this.services = List.copyOf(Objects.requireNonNull(services, "services"));
        for (ServiceType service : this.services) {
            Set<String> vocabulary = new HashSet<>();
            List<String> names = new ArrayList<>(service.synonyms());
            names.add(service.name());
            names.add(service.id().replace('-', ' ').replace('_', ' '));
            for (String name : names) {
                List<String> stems = stems(normalizer.normalize(name).tokens());
                if (!stems.isEmpty()) {
                    phrases.add(new Phrase(service, stems));
                    vocabulary.addAll(stems);
                }
            }
            vocabulary.forEach(s -> servicesPerStem.merge(s, 1, Integer::sum));
        }
    }

    /** A matcher for these services, reusing the last one built when the list is the same. */
    public static ServiceMatcher of(List<ServiceType> services) {
        ServiceMatcher cached = lastBuilt;
        if (cached != null && (cached.services == services || cached.services.equals(services))) {
            return cached;
        }
        ServiceMatcher built = new ServiceMatcher(services);
        lastBuilt = built;
        return built;
    }

    public List<ServiceType> services() {
        return services;
    }

    /** The service the text is about, or empty when none (or two equally) match. */
    public Optional<ServiceType> match(String normalized) {
        if (normalized == null || normalized.isBlank()) {
            return Optional.empty();
        }
        return matchScores(normalized);
    }

    private Optional<ServiceType> matchScores(String normalized) {
        List<ServiceType> top = top(scores(normalized));
        return top.size() == 1 ? Optional.of(top.get(0)) : Optional.empty();
    }

    /** Each matched service's best phrase score and matched characters. */
    private Map<ServiceType, double[]> scores(String normalized) {
        List<String> tokens = List.of(normalized.trim().split(" +"));
        Set<String> textStems = new HashSet<>(stems(tokens));
        for (int i = 0; i + 1 < tokens.size(); i++) {
            textStems.add(WordStemmer.stem(tokens.get(i) + tokens.get(i + 1)));
        }
        Map<ServiceType, double[]> best = new HashMap<>();
        for (Phrase phrase : phrases) {
            double full = 0;
            double partial = 0;
            int chars = 0;
            int matched = 0;
            for (String stem : phrase.stems()) {
                if (!contains(textStems, stem)) {
                    continue;
                }
                matched++;
                chars += stem.length();
                double weight = 1.0 / servicesPerStem.getOrDefault(stem, 1);
                full += weight;
                if (servicesPerStem.getOrDefault(stem, 1) == 1 && !WEAK.contains(stem)) {
                    partial += weight;
                }
            }
            if (matched == 0) {
                continue;
            }
            double score = matched == phrase.stems().size() ? full : partial * PARTIAL_FACTOR;
            double[] current = best.get(phrase.service());
            if (current == null || score > current[0] || (score == current[0] && chars > current[1])) {
                best.put(phrase.service(), new double[] {score, chars});
            }
        }
        return best;
    }

    /** The services tied for the best match ("boiler repair": a repair, and the water heater), or empty. */
    public List<ServiceType> tied(String normalized) {
        if (normalized == null || normalized.isBlank()) {
            return List.of();
        }
        List<ServiceType> top = top(scores(normalized));
        return top.size() > 1 ? top : List.of();
    }

    /**
     * Whether the service matched only through everyday words ("do you fix cars": "fix" is a general repair's
     * synonym): such a match says a job is wanted, not which, and the knowledge layer may read the rest.
     */
    public boolean matchedOnlyByEverydayWords(String normalized) {
        if (match(normalized).isEmpty()) {
            return false;
        }
        StringBuilder rest = new StringBuilder();
        for (String t : normalized.trim().split(" +")) {
            if (!WEAK.contains(WordStemmer.stem(t)) && !WEAK.contains(t)) {
                rest.append(t).append(' ');
            }
        }
        return match(rest.toString()).isEmpty();
    }

    private List<ServiceType> top(Map<ServiceType, double[]> best) {
        ServiceType winner = null;
        double[] top = {0, 0};
        List<ServiceType> tiedWith = new ArrayList<>();
        for (ServiceType service : services) {
            double[] s = best.get(service);
            if (s == null || s[0] < THRESHOLD) {
                continue;
            }
            if (winner == null || s[0] > top[0] + 1e-9 || (Math.abs(s[0] - top[0]) < 1e-9 && s[1] > top[1])) {
                winner = service;
                top = s;
                tiedWith = new ArrayList<>(List.of(service));
            } else if (Math.abs(s[0] - top[0]) < 1e-9 && s[1] == top[1]) {
                tiedWith.add(service);
            }
        }
        return tiedWith;
    }

    private static List<String> stems(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            if (!t.isEmpty() && !STOP.contains(t) && t.chars().allMatch(Character::isLetter)) {
                out.add(WordStemmer.stem(t));
            }
        }
        return out;
    }

    private static boolean contains(Set<String> textStems, String stem) {
        if (textStems.contains(stem) || textStems.contains("un" + stem)) {
            return true;
        }
        if (stem.length() < 6) {
            return false;
        }
        for (String t : textStems) {
            if (Math.abs(t.length() - stem.length()) <= 1 && withinOneEdit(t, stem)) {
                return true;
            }
        }
        return false;
    }

    private static boolean withinOneEdit(String a, String b) {
        if (a.length() > b.length()) {
            return withinOneEdit(b, a);
        }
        int i = 0;
        int j = 0;
        boolean edited = false;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (edited) {
                return false;
            }
            edited = true;
            if (a.length() == b.length()) {
                i++;
            }
            j++;
        }
        int remaining = (a.length() - i) + (b.length() - j);
        return (edited ? 1 : 0) + remaining <= 1;
    }
}
