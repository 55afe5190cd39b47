package io.switchboard.media.call;

import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.vad.VadEvent;

/**
 * turn-taking: decides where the caller's turn ends. Normally when VAD's hangover runs out; earlier when the caller
 * pauses briefly after words that already answer what the dialog asked (a yes, a full PIN), judged by the dialog's own
 * {@link AnswerCheck} against the expectation the last turn result carried ({@link Frame.Expect}). The media side keeps
 * no rules of its own about what an answer is.
 *
 * <p>After an early end the rest of that stretch of speech is the caller's tail ("yes … please"): its quiet frames are
 * held back; if the caller talks again after a pause it is a new turn, otherwise the tail is dropped unheard.
 */
final class TurnTakingStage implements Stage {

    /** While waiting for an early end, a partial is read every this many quiet frames (partials cost a decode). */
    static final int PARTIAL_EVERY_FRAMES = 3;

    private final AnswerCheck answers;
    private final int earlyQuietFrames;

    private Expectation expecting = Expectation.NONE;
    private boolean inTurn;
    private boolean tail;
    private int quietRun;
    private int sincePartial;
    private long lastArrivalNanos;
    private int lastSilenceMillis;
    // The turn being finished: set just before FINISH_TURN goes upstream, read when its transcript comes back.
    private long endOfSpeechNanos;
    private boolean early;
    private int silenceMillis;

    /** @param answers the dialog's completeness rule, or null for a pipeline that never ends turns early */
    TurnTakingStage(AnswerCheck answers, int earlyQuietMillis) {
        this.answers = answers;
        this.earlyQuietFrames = Math.max(1, earlyQuietMillis / 20);
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
                context.emit(in);
            }
            case Frame.Signal s when s == Frame.Signal.SPEECH_STARTED -> {
                inTurn = true;
                tail = false;
                quietRun = 0;
                sincePartial = 0;
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
                if (inTurn && !tail && answers != null && answers.answers(expecting, p.text())) {
                    finish(context, true, quietRun * 20);
                    tail = true;
                    quietRun = earlyQuietFrames;
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

    private void audio(AudioFrame frame, StageContext context) {
        lastArrivalNanos = frame.arrivalNanos;
        lastSilenceMillis = frame.silenceMillis;
        if (tail) {
            if (frame.quiet) {
                quietRun++;
                return;
            }
            if (quietRun < earlyQuietFrames) {
                quietRun = 0;
                return;
            }
            // Talking again after a pause: the recogniser already has the tail, the new turn goes on from here.
            tail = false;
            quietRun = 0;
            sincePartial = 0;
            context.emit(Frame.Signal.SPEECH_STARTED);
        }
        context.emit(frame);
        if (!inTurn || frame.replayed || frame.vad == VadEvent.SPEECH_ENDED || answers == null
                || !AnswerCheck.applies(expecting)) {
            return;
        }
        quietRun = frame.quiet ? quietRun + 1 : 0;
        if (quietRun >= earlyQuietFrames && ++sincePartial >= PARTIAL_EVERY_FRAMES) {
            sincePartial = 0;
            context.emitUpstream(Frame.Signal.READ_PARTIAL);
        }
    }

    private void finish(StageContext context, boolean early, int silenceMillis) {
        this.endOfSpeechNanos = lastArrivalNanos;
        this.early = early;
        this.silenceMillis = silenceMillis;
        context.emitUpstream(Frame.Signal.FINISH_TURN);
    }
}
