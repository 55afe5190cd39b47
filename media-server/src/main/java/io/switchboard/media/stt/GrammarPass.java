package io.switchboard.media.stt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.vosk.Recognizer;

/**
 * The constrained second pass: a turn's buffered audio decoded again by a recogniser that may only choose among the
 * phrases the question expects (plus {@code [unk]} for anything else). A grammar always finds its closest phrase, so
 * its answer counts only when every word was recognised with high confidence and it answers the question.
 */
final class GrammarPass {

    /** Lowest word confidence a grammar result needs: Vosk gives 1.0 to clear words and well under 0.9 to guesses. */
    static final double MIN_WORD_CONFIDENCE = 0.9;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CACHED_GRAMMARS = 64;
    /** 200 ms at 16 kHz per call into the recogniser. */
    private static final int CHUNK = 3200;

    private final GrammarRecognizers recognizers;
    private final VoskVocabulary vocabulary;
    /** Grammar JSON per phrase list: the same lists come with every question of their kind. */
    private final Map<List<String>, Optional<String>> grammars = new ConcurrentHashMap<>();

    GrammarPass(GrammarRecognizers recognizers, VoskVocabulary vocabulary) {
        this.recognizers = recognizers;
        this.vocabulary = vocabulary;
    }

    /**
     * The grammar JSON for {@code phrases}: lower case, letters only, phrases with a word the model lacks left out,
     * {@code [unk]} last; empty when no phrase is usable.
     */
    Optional<String> grammar(List<String> phrases) {
        if (grammars.size() > MAX_CACHED_GRAMMARS) {
            grammars.clear(); // offer lists differ per call; the common lists come straight back
        }
        return grammars.computeIfAbsent(phrases, this::compile);
    }

    private Optional<String> compile(List<String> phrases) {
        Set<String> usable = new LinkedHashSet<>();
        for (String phrase : phrases) {
            String cleaned = phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").trim().replaceAll(" +", " ");
            if (!cleaned.isEmpty() && vocabulary.knowsAll(cleaned)) {
                usable.add(cleaned);
            }
        }
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        ArrayNode grammar = JSON.createArrayNode();
        usable.forEach(grammar::add);
        grammar.add("[unk]");
        return Optional.of(grammar.toString());
    }

    /** Feeds the turn in chunks, keeping what Vosk finalised at its own endpoints along the way. */
    private static VoskResults.Scored feed(Recognizer recognizer, short[] samples, int length) {
        short[] chunk = new short[CHUNK];
        StringBuilder text = new StringBuilder();
        double lowest = 1;
        boolean any = false;
        for (int off = 0; off < length; off += CHUNK) {
            int n = Math.min(CHUNK, length - off);
            System.arraycopy(samples, off, chunk, 0, n);
            if (recognizer.acceptWaveForm(chunk, n)) {
                VoskResults.Scored part = VoskResults.scored(recognizer.getResult());
                any |= append(text, part);
                lowest = Math.min(lowest, part.lowestConfidence());
            }
        }
        VoskResults.Scored last = VoskResults.scored(recognizer.getFinalResult());
        any |= append(text, last);
        lowest = Math.min(lowest, last.lowestConfidence());
        return new VoskResults.Scored(text.toString(), any ? lowest : 0);
    }

    private static boolean append(StringBuilder text, VoskResults.Scored part) {
        if (part.text().isEmpty()) {
            return false;
        }
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(part.text());
        return true;
    }

    /**
     * Decodes {@code samples[0..length)} under the expectation's grammar and returns its text when it is certain and
     * fits; empty otherwise (the open pass's result then stands).
     */
    Optional<VoskResults.Scored> decode(short[] samples, int length, ListeningFor expected) {
        Optional<String> grammar = grammar(expected.grammar());
        if (grammar.isEmpty()) {
            return Optional.empty();
        }
        Recognizer recognizer = recognizers.borrow(grammar.get());
        VoskResults.Scored result;
        try {
            result = feed(recognizer, samples, length);
        } finally {
            recognizers.release(grammar.get(), recognizer);
        }
        boolean certain = result.lowestConfidence() >= MIN_WORD_CONFIDENCE;
        return certain && !result.text().isEmpty() && expected.fits().test(result.text())
                ? Optional.of(result) : Optional.empty();
    }
}
