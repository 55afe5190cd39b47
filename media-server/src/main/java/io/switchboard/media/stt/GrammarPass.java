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
import java.util.concurrent.atomic.LongAdder;
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
    /** Turns decoded again from their buffer after they ended (the passes not run alongside). */
    private final LongAdder wholeTurnDecodes = new LongAdder();

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

    /**
     * One turn under way in a grammar recogniser: what Vosk finalised at its own endpoints along the way, then the
     * rest at the end. Fed the whole turn at once ({@link GrammarPass#heard}) or piece by piece as it arrives
     * ({@link Live}); the recogniser resets itself at the final result.
     */
    private static final class Decoding {
        private final StringBuilder text = new StringBuilder();
        private VoskResults.CertainWords certain = VoskResults.CertainWords.NONE;
        private double lowest = 1;
        private boolean any;

        /** Feeds {@code samples[0..length)}, which the recogniser reads from the array's start. */
        void accept(Recognizer recognizer, short[] samples, int length) {
            if (recognizer.acceptWaveForm(samples, length)) {
                endpoint(recognizer.getResult());
            }
        }

        Heard finish(Recognizer recognizer) {
            endpoint(recognizer.getFinalResult());
            Heard heard = new Heard(new VoskResults.Scored(text.toString(), any ? lowest : 0), certain);
            clear();
            return heard;
        }

        void clear() {
            text.setLength(0);
            certain = VoskResults.CertainWords.NONE;
            lowest = 1;
            any = false;
        }

        private void endpoint(String json) {
            VoskResults.Scored part = VoskResults.scored(json);
            any |= append(text, part);
            lowest = Math.min(lowest, part.lowestConfidence());
            certain = certain.then(VoskResults.certainWords(json, MIN_WORD_CONFIDENCE));
        }
    }

    /** Feeds a whole buffered turn in chunks. */
    private static Heard feed(Recognizer recognizer, short[] samples, int length) {
        Decoding decoding = new Decoding();
        feedChunks(recognizer, decoding, samples, length);
        return decoding.finish(recognizer);
    }

    private static void feedChunks(Recognizer recognizer, Decoding decoding, short[] samples, int length) {
        short[] chunk = new short[CHUNK];
        for (int off = 0; off < length; off += CHUNK) {
            int n = Math.min(CHUNK, length - off);
            System.arraycopy(samples, off, chunk, 0, n);
            decoding.accept(recognizer, chunk, n);
        }
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
     * The expectation's grammar pass run alongside the open pass, fed the turn as it arrives (in the whole-turn
     * decode's 200 ms pieces) instead of the whole turn after it ends: the work is the same, but it is done while the
     * caller is still talking, so only the last piece and the final result are left on the path of the reply. One per
     * stream; not thread-safe. Holds its recogniser until closed.
     */
    final class Live implements AutoCloseable {
        private final ListeningFor expected;
        private final String grammar;
        private final Recognizer recognizer;
        private final Decoding decoding = new Decoding();
        /**
         * The turn is handed to the recogniser in the same 200 ms pieces, from the turn's start, as a whole buffered
         * turn is: Vosk ends an utterance at its own endpoints only between pieces, so other piece sizes cut a turn
         * into other utterances and the grammar hears other words (20 ms pieces read "the kitchen tap is dripping"
         * as "tap drain cleaning").
         */
        private final short[] piece = new short[CHUNK];
        private int filled;
        /** Audio went into the recogniser since its last final result. */
        private boolean fed;
        private boolean closed;

        private Live(ListeningFor expected, String grammar) {
            this.expected = expected;
            this.grammar = grammar;
            this.recognizer = recognizers.borrow(grammar);
        }

        /** The expectation whose grammar this decodes. */
        ListeningFor expected() {
            return expected;
        }

        /** Feeds {@code samples[0..length)} of the turn, as it arrives or (started late) the turn so far. */
        void accept(short[] samples, int length) {
            for (int at = 0; at < length; ) {
                int n = Math.min(CHUNK - filled, length - at);
                System.arraycopy(samples, at, piece, filled, n);
                filled += n;
                at += n;
                if (filled == CHUNK) {
                    decoding.accept(recognizer, piece, CHUNK);
                    filled = 0;
                    fed = true;
                }
            }
        }

        /** The turn as this grammar heard it, judged as {@link #decode} judges it; the next audio starts a new turn. */
        Optional<VoskResults.Scored> finish() {
            if (filled > 0) {
                decoding.accept(recognizer, piece, filled);
                filled = 0;
            }
            fed = false;
            return judged(decoding.finish(recognizer), expected);
        }

        /**
         * Drops the turn so far, and with it what the recogniser learnt from it: Vosk's reset only ends an utterance,
         * its feature pipeline (speaker adaptation, mean normalisation) goes on, and only a final result taken while
         * audio is being decoded drops it. The next turn then starts as fresh as a whole-turn decode on a recogniser
         * handed back: a dropped tail (the breath and hiss after an early end) taught the pipeline otherwise, and the
         * next address was heard "well part roads" where the whole-turn decode hears "twelve park road".
         */
        void reset() {
            if (fed) {
                recognizer.getFinalResult();
                fed = false;
            }
            recognizer.reset();
            decoding.clear();
            filled = 0;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                recognizers.release(grammar, recognizer);
            }
        }
    }

    /** How many turns were decoded again from their buffer after they ended, since start. */
    long wholeTurnDecodes() {
        return wholeTurnDecodes.sum();
    }

    /**
     * Starts the grammar pass of {@code expected} alongside the open one; empty when it has no usable grammar.
     */
    Optional<Live> live(ListeningFor expected) {
        return grammar(expected.grammar()).map(g -> new Live(expected, g));
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
        wholeTurnDecodes.increment();
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
        return heard(samples, length, expected.grammar()).flatMap(heard -> judged(heard, expected));
    }

    /** A grammar result's text when it is certain and fits {@code expected}; empty otherwise. */
    private static Optional<VoskResults.Scored> judged(Heard heard, ListeningFor expected) {
        if (expected.certainWords()) {
            return certainPart(heard.certain(), expected);
        }
        VoskResults.Scored result = heard.scored();
        boolean certain = result.lowestConfidence() >= MIN_WORD_CONFIDENCE;
        return certain && !result.text().isEmpty() && expected.fits().test(result.text())
                ? Optional.of(result) : Optional.empty();
    }
}
