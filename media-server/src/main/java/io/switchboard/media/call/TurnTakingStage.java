package io.switchboard.media.call;

import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.vad.VadEvent;

/**
 * turn-taking: decides where the caller's turn ends. On every quiet frame of a pause inside a turn it asks the
 * {@link EndOfTurn} decision, which weighs what the words so far say (the dialog's own {@link AnswerCheck} of the
 * partial transcript against the expectation the last turn result carried, {@link Frame.Expect}), how the audio
 * ended ({@link ProsodyTracker}: fading level, falling pitch) and how long the pause is for this caller
 * ({@link CallerPauses}). VAD's hangover still ends a turn that nothing ended sooner. The media side keeps no rules of
 * its own about what an answer is.
 *
 * <p>The words of a pause are settled once, at its first reading ({@link Frame.Signal#SETTLE_TURN}): STT's whole
 * reading of the turn as it stands (its choice among hypotheses and second passes included), which is the transcript
 * if the caller says no more, so the decision and a speculative reply rest on the words the dialog will get. If the
 * caller talks again, {@link Frame.Signal#RESUME_TURN} tells STT the turn goes on. An engine that cannot settle answers
 * with a partial, and partials are read on through the pause as before.
 *
 * <p>Early in a pause (at {@link EndOfTurnSettings#speculateAfterMillis()}) it emits a {@link Frame.Speculate} with
 * the recognition so far, so the reply can be prepared before the decision falls; if the caller then goes on, a
 * {@link Frame.Signal#SPECULATION_VOID} follows.
 *
 * <p>After an early end the rest of that stretch of speech is the caller's tail: its quiet frames are held back; if
 * the caller talks again it is a new turn (and that pause is remembered as one of theirs), otherwise the tail is
 * dropped unheard.
 */
final class TurnTakingStage implements Stage {

    /** Quiet frames into a pause at which the first partial is read (words are needed from the minimum pause on). */
    private final int firstPartialFrames;
    /** Then a partial is read every this many quiet frames (partials cost a decode). */
    static final int PARTIAL_EVERY_FRAMES = 3;

    private final AnswerCheck answers;
    private final EndOfTurn decision;
    private final ProsodyTracker prosody = new ProsodyTracker();
    private final CallerPauses pauses = new CallerPauses();
    /** After an early end: whether the caller has started talking again. */
    private final SpeechRun resumed = SpeechRun.ofMillis(SpeechRun.ONSET_MILLIS);
    private final int speculateFrames;

    private Expectation expecting = Expectation.NONE;
    private boolean wordsCheckable;
    private boolean inTurn;
    private boolean tail;
    private int quietRun;
    private AnswerWords words = AnswerWords.OPEN;
    private String partial = "";
    /** STT settled this pause's words (the turn's whole reading): no partial read can say more until the caller talks. */
    private boolean settled;
    private boolean speculated;
    private long lastArrivalNanos;
    private int lastSilenceMillis;
    // The turn being finished: set just before FINISH_TURN goes upstream, read when its transcript comes back.
    private long endOfSpeechNanos;
    private boolean early;
    private int silenceMillis;

    /** @param answers the dialog's completeness rule, or null: every answer counts as open */
    TurnTakingStage(AnswerCheck answers, EndOfTurnSettings settings) {
        this.answers = answers;
        this.decision = new EndOfTurn(settings);
        this.firstPartialFrames = Math.max(1, settings.minPauseMillis() / 20 - 1);
        this.speculateFrames = settings.speculateAfterMillis() == 0 ? 0
                : Math.max(1, settings.speculateAfterMillis() / 20);
    }

    @Override
    public String name() {
        return "turn-taking";
    }

    @Override
    public void onFrame(Frame in, StageContext context) {
        switch (in) {
            case Frame.Expect e -> {
                expecting = e.expectation() == null ? Expectation.NONE : e.expectation();
                wordsCheckable = answers != null && AnswerCheck.applies(expecting);
                context.emit(in);
            }
            case Frame.Signal s when s == Frame.Signal.SPEECH_STARTED -> {
                startTurn();
                context.emit(in);
            }
            case Frame.Signal s when s == Frame.Signal.SPEECH_STOPPED -> {
                if (tail) {
                    tail = false;
                    context.emitUpstream(Frame.Signal.DROP_TURN);
                } else if (inTurn) {
                    finish(context, false, lastSilenceMillis);
                }
                inTurn = false;
                context.emit(in);
            }
            case AudioFrame frame -> audio(frame, context);
            case Frame.Partial p -> {
                if (inTurn && !tail) {
                    partial = p.text();
                    settled = p.settled();
                    // No words yet (Vosk often writes a short "yes" only at its final) say nothing either way: open,
                    // not "does not answer yet", which would hold every such turn to the hard maximum.
                    words = !wordsCheckable || partial.isBlank() ? AnswerWords.OPEN
                            : switch (answers.progress(expecting, partial)) {
                                case ANSWERED -> AnswerWords.COMPLETE;
                                case CANNOT_TELL -> AnswerWords.OPEN;
                                case NOT_YET -> AnswerWords.INCOMPLETE;
                            };
                }
            }
            case Frame.Transcript t -> {
                if (!t.text().isBlank()) {
                    context.emit(new Frame.Utterance(t.text(), endOfSpeechNanos, t.finalNanos(), early, silenceMillis,
                            false, t.alternatives()));
                }
            }
            default -> context.emit(in);
        }
    }

    private void startTurn() {
        inTurn = true;
        tail = false;
        quietRun = 0;
        speculated = false;
        settled = false;
        partial = "";
        words = unheard();
        prosody.reset();
        resumed.reset();
    }

    private void audio(AudioFrame frame, StageContext context) {
        lastArrivalNanos = frame.arrivalNanos;
        lastSilenceMillis = frame.silenceMillis;
        if (tail) {
            // The pause goes on until the caller is surely talking again: a click or the hiss after the last word is
            // held back with the quiet, and starts nothing.
            quietRun++;
            if (!resumed.accept(frame.quiet, frame.arrivalNanos)) {
                return;
            }
            // Talking again after an early end: a new turn; the recogniser already has the tail.
            pauses.observe((quietRun - resumed.length()) * 20);
            startTurn();
            context.emit(Frame.Signal.SPEECH_STARTED);
        }
        context.emit(frame);
        if (!inTurn || frame.replayed || frame.vad == VadEvent.SPEECH_ENDED) {
            return;
        }
        if (!frame.quiet) {
            voiced(frame, context);
            return;
        }
        quietRun++;
        if (quietRun == firstPartialFrames && (wordsCheckable || speculateFrames > 0)) {
            // The pause's first reading is the turn's whole one, so the end and any speculative reply are decided on
            // what the transcript would be, not on a partial that the final's second looks may still change.
            context.emitUpstream(Frame.Signal.SETTLE_TURN);
        } else if (wantsPartial()) {
            context.emitUpstream(Frame.Signal.READ_PARTIAL);
        }
        int pause = quietRun * 20;
        if (speculateFrames > 0 && quietRun >= speculateFrames && !speculated && !partial.isBlank()) {
            speculated = true;
            context.emit(new Frame.Speculate(partial, frame.arrivalNanos));
        }
        if (decision.ends(words, prosody, pauses, pause)) {
            finish(context, true, pause);
            // The pause runs on into the tail: if the caller resumes, its whole length is one of their pauses.
            tail = true;
            resumed.reset();
        }
    }

    /** Speech: the words may go on, so what the last partial said no longer holds. */
    private void voiced(AudioFrame frame, StageContext context) {
        if (quietRun > 0) {
            pauses.observe(quietRun * 20);
            quietRun = 0;
            words = unheard();
            if (settled) {
                settled = false;
                context.emitUpstream(Frame.Signal.RESUME_TURN);
            }
            if (speculated) {
                speculated = false;
                context.emit(Frame.Signal.SPECULATION_VOID);
            }
        }
        prosody.voiced(frame.pcm8);
    }

    /**
     * Whether to read a partial on this quiet frame after the first (which settles): every few frames while the words
     * can be checked and the engine could not settle them.
     */
    private boolean wantsPartial() {
        return wordsCheckable && !settled && quietRun > firstPartialFrames
                && (quietRun - firstPartialFrames) % PARTIAL_EVERY_FRAMES == 0;
    }

    /** What the words count as before a partial has been read in this pause. */
    private AnswerWords unheard() {
        return wordsCheckable ? AnswerWords.INCOMPLETE : AnswerWords.OPEN;
    }

    private void finish(StageContext context, boolean early, int silenceMillis) {
        this.endOfSpeechNanos = lastArrivalNanos;
        this.early = early;
        this.silenceMillis = silenceMillis;
        context.emitUpstream(Frame.Signal.FINISH_TURN);
    }
}
