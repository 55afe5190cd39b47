package io.switchboard.media.stt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.HashSet;
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

    /**
     * Share of an open sentence's words that must be certain for its grammar result to stand on them: below it the
     * grammar was mostly guessing, and what is left is a few words pulled out of noise.
     */
    static final double MIN_CERTAIN_SHARE = 0.6;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CACHED_GRAMMARS = 64;
    /** 200 ms at 16 kHz per call into the recogniser. */
    private static final int CHUNK = 3200;

    private final GrammarRecognizers recognizers;
    private final VoskVocabulary vocabulary;
    /** Grammar JSON per phrase list: the same lists come with every question of their kind. */
    private final Map<List<String>, Optional<String>> grammars = new ConcurrentHashMap<>();
    /** Words per phrase list, for {@link #covers}. */
    private final Map<List<String>, Set<String>> words = new ConcurrentHashMap<>();

    GrammarPass(GrammarRecognizers recognizers, VoskVocabulary vocabulary) {
        this.recognizers = recognizers;
        this.vocabulary = vocabulary;
    }

    /**
     * Whether every word of {@code text} is one of {@code phrases}' words: an open hypothesis the grammar could not
     * have produced ("no thank you good via") holds a word the grammar may hear right.
     */
    boolean covers(List<String> phrases, String text) {
        if (words.size() > MAX_CACHED_GRAMMARS) {
            words.clear();
        }
        Set<String> known = words.computeIfAbsent(phrases, p -> {
            Set<String> all = new HashSet<>();
            p.forEach(phrase -> all.addAll(List.of(phrase.toLowerCase(Locale.ROOT).split(" "))));
            return all;
        });
        for (String word : text.split(" ")) {
            if (!word.isEmpty() && !known.contains(word)) {
                return false;
            }
        }
        return true;
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

    /** What a grammar recogniser heard in a turn: the result as scored, and its certain words. */
    record Heard(VoskResults.Scored scored, VoskResults.CertainWords certain) {
    }

    /** Feeds the turn in chunks, keeping what Vosk finalised at its own endpoints along the way. */
    private static Heard feed(Recognizer recognizer, short[] samples, int length) {
        short[] chunk = new short[CHUNK];
        StringBuilder text = new StringBuilder();
        VoskResults.CertainWords certain = VoskResults.CertainWords.NONE;
        double lowest = 1;
        boolean any = false;
        for (int off = 0; off < length; off += CHUNK) {
            int n = Math.min(CHUNK, length - off);
            System.arraycopy(samples, off, chunk, 0, n);
            if (recognizer.acceptWaveForm(chunk, n)) {
                String json = recognizer.getResult();
                VoskResults.Scored part = VoskResults.scored(json);
                any |= append(text, part);
                lowest = Math.min(lowest, part.lowestConfidence());
                certain = certain.then(VoskResults.certainWords(json, MIN_WORD_CONFIDENCE));
            }
        }
        String json = recognizer.getFinalResult();
        VoskResults.Scored last = VoskResults.scored(json);
        any |= append(text, last);
        lowest = Math.min(lowest, last.lowestConfidence());
        certain = certain.then(VoskResults.certainWords(json, MIN_WORD_CONFIDENCE));
        return new Heard(new VoskResults.Scored(text.toString(), any ? lowest : 0), certain);
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
     * An open sentence's certain words, when they are most of what was heard and still fit; the share of certain
     * words is its confidence. Dropping a guessed word can only lose meaning, never add it, so the fit is judged on
     * exactly what the dialog will be given.
     */
    static Optional<VoskResults.Scored> certainPart(VoskResults.CertainWords heard, ListeningFor expected) {
        if (heard.certain() == 0) {
            return Optional.empty();
        }
        double share = (double) heard.certain() / heard.heard();
        return share >= MIN_CERTAIN_SHARE && expected.fits().test(heard.text())
                ? Optional.of(new VoskResults.Scored(heard.text(), share)) : Optional.empty();
    }

    /** What the grammar of {@code phrases} hears in {@code samples[0..length)}, certain or not; empty with no grammar. */
    Optional<Heard> heard(short[] samples, int length, List<String> phrases) {
        Optional<String> grammar = grammar(phrases);
        if (grammar.isEmpty()) {
            return Optional.empty();
        }
        Recognizer recognizer = recognizers.borrow(grammar.get());
        try {
            return Optional.of(feed(recognizer, samples, length));
        } finally {
            recognizers.release(grammar.get(), recognizer);
        }
    }

    /**
     * Decodes {@code samples[0..length)} under the expectation's grammar and returns its text when it is certain and
     * fits; empty otherwise (the open pass's result then stands).
     */
    Optional<VoskResults.Scored> decode(short[] samples, int length, ListeningFor expected) {
        Optional<Heard> heard = heard(samples, length, expected.grammar());
        if (heard.isEmpty()) {
            return Optional.empty();
        }
        if (expected.certainWords()) {
            return certainPart(heard.get().certain(), expected);
        }
        VoskResults.Scored result = heard.get().scored();
        boolean certain = result.lowestConfidence() >= MIN_WORD_CONFIDENCE;
        return certain && !result.text().isEmpty() && expected.fits().test(result.text())
                ? Optional.of(result) : Optional.empty();
    }
}
