package io.switchboard.dialog.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Items described by one or more sentences each, embedded once; a query scores each item by its closest sentence.
 *
 * @param <T> what is looked up (an FAQ entry, a service, an intent)
 */
final class SemanticIndex<T> {

    /** One item's score for a query. */
    record Scored<T>(T item, double score) {
    }

    /** The best item, its score and the runner-up's score (0 when there is none). */
    record Best<T>(T item, double score, double runnerUp) {
        double margin() {
            return score - runnerUp;
        }
    }

    private final List<T> items = new ArrayList<>();
    private final List<float[]> vectors = new ArrayList<>();

    /** Embeds {@code sentences} for {@code item}; sentences the model cannot embed are left out. */
    static <T> SemanticIndex<T> of(SentenceEmbeddings model, Map<T, List<String>> described) {
        SemanticIndex<T> index = new SemanticIndex<>();
        described.forEach((item, sentences) -> {
            for (String s : sentences) {
                model.embed(s).ifPresent(v -> {
                    index.items.add(item);
                    index.vectors.add(v);
                });
            }
        });
        return index;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** Every item's score (its closest sentence), best first. */
    List<Scored<T>> rank(float[] query) {
        Map<T, Double> best = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            double s = SentenceEmbeddings.similarity(query, vectors.get(i));
            best.merge(items.get(i), s, Math::max);
        }
        List<Scored<T>> out = new ArrayList<>();
        best.forEach((item, s) -> out.add(new Scored<>(item, s)));
        out.sort(Comparator.comparingDouble((Scored<T> x) -> x.score()).reversed());
        return out;
    }

    /** The best item among those {@code allowed} lets through, with the runner-up's score among them. */
    Optional<Best<T>> best(float[] query, java.util.function.Predicate<T> allowed) {
        List<Scored<T>> ranked = rank(query).stream().filter(s -> allowed.test(s.item())).toList();
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        double second = ranked.size() > 1 ? ranked.get(1).score() : 0;
        return Optional.of(new Best<>(ranked.get(0).item(), ranked.get(0).score(), second));
    }

    /** The highest score of any sentence. */
    double top(float[] query) {
        double top = -1;
        for (float[] v : vectors) {
            top = Math.max(top, SentenceEmbeddings.similarity(query, v));
        }
        return top;
    }
}
