package io.switchboard.media.stt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.vosk.Model;
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
    /** 200 ms at 16 kHz per call into the recogniser. */
    private static final int CHUNK = 3200;

    private final Model model;
    private final VoskVocabulary vocabulary;
    private final int sampleRate;

    GrammarPass(Model model, VoskVocabulary vocabulary, int sampleRate) {
        this.model = model;
        this.vocabulary = vocabulary;
        this.sampleRate = sampleRate;
    }

    /**
     * The grammar JSON for {@code phrases}: lower case, letters only, phrases with a word the model lacks left out,
     * {@code [unk]} last; empty when no phrase is usable.
     */
    Optional<String> grammar(List<String> phrases) {
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
        // A recogniser per pass: creating one under a small grammar takes milliseconds, and it runs only on turns
        // the open pass could not place.
        try (Recognizer recognizer = new Recognizer(model, sampleRate, grammar.get())) {
            recognizer.setWords(true);
            VoskResults.Scored result = feed(recognizer, samples, length);
            boolean certain = result.lowestConfidence() >= MIN_WORD_CONFIDENCE;
            return certain && !result.text().isEmpty() && expected.fits().test(result.text())
                    ? Optional.of(result) : Optional.empty();
        }
    }
}
