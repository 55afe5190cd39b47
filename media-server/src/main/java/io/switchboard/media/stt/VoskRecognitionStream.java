package io.switchboard.media.stt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Optional;
import org.vosk.Recognizer;

/**
 * A call's view of a pooled Vosk recogniser, which returns n-best hypotheses. The turn's audio is also kept, so that
 * when no hypothesis answers what was asked the turn can be decoded again: under a grammar for the expectation, or
 * by the transcriber (Whisper) for names and addresses.
 *
 * <p>The grammar pass can run alongside the open pass from the start of the turn ({@link #expect}: for names,
 * addresses and digits always, for other answers while recognition has cores to spare), so it costs the reply only
 * its final result.
 *
 * <p>Vosk ends an utterance on its own after about half a second of silence; text it finalised that way is kept and
 * prefixed to later results, so a caller who pauses mid-turn loses nothing before the server's own end-of-turn.
 */
final class VoskRecognitionStream implements RecognitionStream {

    /** 10 ms of silence at 16 kHz: enough to put the recogniser back into decoding so a final result can reset it. */
    private static final short[] CLOSING_SILENCE = new short[160];

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPEN_VOCABULARY = "[]";
    private static final String NO_RESULT = "{}";
    /**
     * How far (in Vosk's unscaled score) the top hypothesis must lead the runner-up to be taken without a second
     * look. Measured on telephone-band synthetic callers: confusions ("i am i wrong to pm" over "the my last two pm"
     * for "tomorrow at two pm") lead by about one; a single clear hypothesis has no runner-up at all.
     */
    static final double CLEAR_LEAD = 3;

    private final Recognizer recognizer;
    private final VoskSpeechRecognizer engine;
    private final GrammarPass grammarPass;
    private final SecondPassTranscriber transcriber;
    private final UtteranceBuffer turn;
    private final StringBuilder committed = new StringBuilder();
    /** The grammar pass of the expectation heard next, fed alongside the open pass; null when it has none. */
    private GrammarPass.Live live;
    /**
     * A settled reading finished the live grammar pass ({@link #settle}): if the caller goes on, the pass starts again
     * from the turn's first sample, so its pieces fall where a whole-turn decode's do.
     */
    private boolean liveSpent;
    /**
     * Audio went into the open recogniser since its last result. Vosk answers a result asked for again with no audio
     * between the stored one, whose words the turn already holds.
     */
    private boolean utteranceOpen;
    /** The open pass's utterance was ended at a settled pause, so a {@link #resume} decodes the turn again whole. */
    private boolean settledOpen;
    /** One slot of the turn, decoded again on {@link #resume} (Vosk reads from the array's start). */
    private final short[] again = new short[LaneAudio.SLOT_SAMPLES];
    private boolean narrowed;
    private boolean closed;

    VoskRecognitionStream(Recognizer recognizer, VoskSpeechRecognizer engine, GrammarPass grammarPass,
                          SecondPassTranscriber transcriber, int bufferSamples) {
        this.recognizer = recognizer;
        this.engine = engine;
        this.grammarPass = grammarPass;
        this.transcriber = transcriber;
        this.turn = new UtteranceBuffer(bufferSamples);
    }

    @Override
    public void accept(short[] pcm16k, int len) {
        ensureOpen();
        if (len < 0 || len > pcm16k.length) {
            throw new IndexOutOfBoundsException("len " + len + " for array of " + pcm16k.length);
        }
        turn.append(pcm16k, len);
        decode(pcm16k, len);
        if (live != null) {
            live.accept(pcm16k, len);
        }
    }

    /**
     * Starts the expectation's grammar pass now and feeds it alongside the open one, so the turn's end waits for two
     * final results instead of a second decoding of the whole turn; audio of the turn already heard is fed first.
     * Always for the answers whose grammar pass is always asked ({@link ListeningFor#grammarFirst()}: names,
     * addresses, digits): the work is the same, only earlier. For the others (a day, a job, the opening request) the
     * pass is needed only when the open one is unsure, so it runs alongside only while recognition has cores to
     * spare; under load they keep the pass for when it is needed (running it on every turn would double the
     * recognition work when the cores are already short of it).
     */
    @Override
    public void expect(ListeningFor expected, boolean spareCapacity) {
        ensureOpen();
        boolean wanted = !expected.grammar().isEmpty() && !narrowed && (expected.grammarFirst() || spareCapacity);
        if (live != null && live.expected().equals(expected) && wanted) {
            return;
        }
        closeLive();
        if (!wanted) {
            return;
        }
        live = grammarPass.live(expected).orElse(null);
        if (live != null && turn.length() > 0) {
            live.accept(turn.samples(), turn.length());
        }
    }

    /** The open pass takes {@code pcm16k[0..len)}; words Vosk finalised at its own endpoint join the turn's. */
    private void decode(short[] pcm16k, int len) {
        if (recognizer.acceptWaveForm(pcm16k, len)) {
            append(committed, VoskResults.best(recognizer.getResult()));
            utteranceOpen = false;
        } else {
            utteranceOpen = true;
        }
    }

    @Override
    public String partial() {
        ensureOpen();
        return joined(VoskResults.partial(recognizer.getPartialResult()));
    }

    @Override
    public String finalResult() {
        return finish(ListeningFor.ANYTHING).text();
    }

    @Override
    public Recognition finish(ListeningFor expected) {
        ensureOpen();
        List<Recognition.Alternative> alternatives =
                VoskResults.alternatives(utteranceOpen ? recognizer.getFinalResult() : NO_RESULT, committed.toString());
        utteranceOpen = false;
        committed.setLength(0);
        try {
            return choose(alternatives, expected);
        } finally {
            endTurn();
        }
    }

    /**
     * Reads the turn as {@link #finish} would, with the open pass's final result (the grammar pass alongside is
     * finished for it too), but keeps the turn: both are decoded again whole if the caller goes on ({@link #resume}).
     * A final result, not the endpoint result Vosk gives mid-stream: 100 ms into a pause the acoustic model has not yet
     * seen the frames after the last word that it needs to read it, and only a final result pads them ("my chapters
     * late" for the final's "my chapters waiting", which booked where the other did not). The quiet after the pause is
     * still fed, into a new utterance that {@link #endSettled} drops.
     */
    @Override
    public Optional<Recognition> settle(ListeningFor expected) {
        ensureOpen();
        String json = utteranceOpen ? recognizer.getFinalResult() : NO_RESULT;
        utteranceOpen = false;
        settledOpen = true;
        List<Recognition.Alternative> alternatives = VoskResults.alternatives(json, committed.toString());
        append(committed, VoskResults.best(json));
        return Optional.of(choose(alternatives, expected));
    }

    /**
     * The turn goes on after a settled pause: the open pass decodes it again from its first sample, so it is heard as
     * one utterance as it would have been had the pause not been settled (decoded on its own, the rest of "can you
     * come tomorrow | at twelve thirty" came out "that's what elves surgery"). Costs a decode of the turn so far, once
     * per pause the caller went on after, off the reply's path; a turn longer than the buffer keeps the split instead.
     */
    @Override
    public void resume() {
        ensureOpen();
        if (!settledOpen) {
            return;
        }
        settledOpen = false;
        if (turn.complete()) {
            if (!utteranceOpen) {
                recognizer.acceptWaveForm(CLOSING_SILENCE, CLOSING_SILENCE.length);
            }
            recognizer.getFinalResult(); // and with it the feature pipeline: the turn starts as fresh as it did
            utteranceOpen = false;
            committed.setLength(0);
            short[] samples = turn.samples();
            for (int at = 0; at < turn.length(); at += LaneAudio.SLOT_SAMPLES) {
                int n = Math.min(LaneAudio.SLOT_SAMPLES, turn.length() - at);
                System.arraycopy(samples, at, again, 0, n);
                decode(again, n);
            }
        }
        if (liveSpent && live != null) {
            live.reset();
            live.accept(turn.samples(), turn.length());
        }
        liveSpent = false;
    }

    @Override
    public void endSettled() {
        ensureOpen();
        // A final result, as at the end of any turn: the next turn starts with a fresh feature pipeline, as before.
        recognizer.acceptWaveForm(CLOSING_SILENCE, CLOSING_SILENCE.length);
        recognizer.getFinalResult();
        utteranceOpen = false;
        committed.setLength(0);
        endTurn();
    }

    private void endTurn() {
        turn.clear();
        liveSpent = false;
        settledOpen = false;
        if (live != null) {
            // A pass not asked (no words at all) still ends its turn: the next one starts clean.
            live.reset();
        }
    }

    /**
     * The open pass's top hypothesis stands when it fits and leads the runner-up clearly. A fitting hypothesis that
     * is not the top one, or leads only narrowly, is a guess: the grammar pass is asked first and wins when it is
     * certain. For answers whose mishearings fit as well as the truth (names, digits) the grammar pass is asked
     * before anything fitting is taken. With no fitting hypothesis the grammar pass, then the transcriber, may place
     * the turn; otherwise the top hypothesis stands and the dialog's recovery deals with it.
     */
    private Recognition choose(List<Recognition.Alternative> alternatives, ListeningFor expected) {
        if (alternatives.isEmpty() || alternatives.get(0).text().isEmpty()) {
            return Recognition.NOTHING;
        }
        double gap = alternatives.size() < 2 ? Double.POSITIVE_INFINITY
                : alternatives.get(0).score() - alternatives.get(1).score();
        int fitting = -1;
        for (int i = 0; i < alternatives.size() && fitting < 0; i++) {
            String text = alternatives.get(i).text();
            if (!text.isEmpty() && expected.fits().test(text)) {
                fitting = i;
            }
        }
        boolean secondPass = expected.hasSecondPass() && turn.complete() && !narrowed;
        boolean grammarAsked = false;
        if (expected.grammarFirst() && secondPass) {
            Optional<Recognition> constrained = grammar(alternatives, expected);
            if (constrained.isPresent()) {
                return constrained.get();
            }
            grammarAsked = true;
        }
        // An open sentence has no rival readings of the same kind to be confused with: fitting is enough when the
        // grammar could have heard it too; a word outside the grammar may be a mishearing the grammar corrects.
        boolean standsOnFit = gap >= CLEAR_LEAD || grammarAsked || !expected.hasSecondPass()
                || (expected.certainWords() && grammarPass.covers(expected.grammar(), alternatives.get(0).text()));
        if (fitting == 0 && standsOnFit) {
            return new Recognition(alternatives.get(0).text(), alternatives, Recognition.Pass.OPEN, gap);
        }
        if (secondPass && !grammarAsked) {
            Optional<Recognition> constrained = grammar(alternatives, expected);
            if (constrained.isPresent()) {
                return constrained.get();
            }
        }
        if (fitting >= 0) {
            int chosen = inGrammar(alternatives, expected, fitting);
            return new Recognition(alternatives.get(chosen).text(), alternatives,
                    chosen == 0 ? Recognition.Pass.OPEN : Recognition.Pass.OPEN_ALTERNATIVE, gap);
        }
        if (secondPass && expected.transcribe()) {
            Optional<String> transcribed = transcriber.transcribe(turn.samples(), turn.length());
            if (transcribed.isPresent()) {
                return new Recognition(transcribed.get(), alternatives, Recognition.Pass.WHISPER, Double.NaN);
            }
        }
        return new Recognition(alternatives.get(0).text(), alternatives, Recognition.Pass.OPEN, gap);
    }

    /**
     * Among readings of a closed answer that fit and score within {@link #CLEAR_LEAD} of the best, the first whose
     * every word is its grammar's: a word outside it is likelier a mishearing than the caller's ("can you come
     * wednesday at twelve surgery" over "… twelve thirty", 1.4 apart; the first fits as noon). {@code fitting} when
     * there is none, or the answer is an open sentence.
     */
    private int inGrammar(List<Recognition.Alternative> alternatives, ListeningFor expected, int fitting) {
        String best = alternatives.get(fitting).text();
        if (expected.certainWords() || expected.grammar().isEmpty() || grammarPass.covers(expected.grammar(), best)) {
            return fitting;
        }
        double top = alternatives.get(0).score();
        for (int i = fitting + 1; i < alternatives.size(); i++) {
            Recognition.Alternative a = alternatives.get(i);
            if (!(top - a.score() < CLEAR_LEAD)) {
                break;
            }
            if (!a.text().isEmpty() && expected.fits().test(a.text()) && grammarPass.covers(expected.grammar(), a.text())) {
                return i;
            }
        }
        return fitting;
    }

    private Optional<Recognition> grammar(List<Recognition.Alternative> alternatives, ListeningFor expected) {
        Optional<VoskResults.Scored> heard;
        if (live != null && live.expected().equals(expected) && !liveSpent) {
            heard = live.finish();
            liveSpent = true;
        } else {
            heard = grammarPass.decode(turn.samples(), turn.length(), expected);
        }
        return heard.map(scored -> new Recognition(
                scored.text(), alternatives, Recognition.Pass.GRAMMAR, scored.lowestConfidence()));
    }

    private void closeLive() {
        liveSpent = false;
        if (live != null) {
            live.close();
            live = null;
        }
    }

    @Override
    public void reset() {
        ensureOpen();
        recognizer.reset();
        utteranceOpen = false;
        committed.setLength(0);
        endTurn();
    }

    @Override
    public void setPhraseHints(List<String> phrases) {
        ensureOpen();
        reset();
        closeLive(); // narrowed or not, the next expectation starts its own pass
        if (phrases.isEmpty()) {
            if (narrowed) {
                recognizer.setGrammar(OPEN_VOCABULARY);
                narrowed = false;
            }
            return;
        }
        ArrayNode grammar = JSON.createArrayNode();
        for (String phrase : phrases) {
            String cleaned = phrase.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z' ]", " ").trim();
            if (!cleaned.isEmpty()) {
                grammar.add(cleaned.replaceAll(" +", " "));
            }
        }
        // "[unk]" lets speech outside the list through as unknown instead of forcing it onto a listed phrase.
        grammar.add("[unk]");
        recognizer.setGrammar(grammar.toString());
        narrowed = true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeLive();
        forgetTheCaller();
        if (narrowed) {
            recognizer.setGrammar(OPEN_VOCABULARY);
        }
        transcriber.close();
        engine.release(recognizer);
    }

    /**
     * Hands the recogniser back as a new one would be. Vosk's reset only ends the utterance: the next audio goes on
     * through the same feature pipeline, whose online speaker adaptation and mean normalisation were learnt from this
     * caller, so the next call's first words were decoded as if this caller spoke them (measured: a MaryTTS caller's
     * "my tap is leaking" came out "my chap is leaking" on a fresh recogniser and "my atop his late game" on one handed
     * back after other calls). Only a final result drops the pipeline, and only while audio is being decoded, so a
     * moment of silence is fed first.
     */
    private void forgetTheCaller() {
        recognizer.acceptWaveForm(CLOSING_SILENCE, CLOSING_SILENCE.length);
        recognizer.getFinalResult();
    }

    private String joined(String tail) {
        if (committed.isEmpty()) {
            return tail;
        }
        StringBuilder all = new StringBuilder(committed);
        append(all, tail);
        return all.toString();
    }

    private static void append(StringBuilder text, String words) {
        if (words.isEmpty()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(words);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("recognition stream is closed");
        }
    }
}
