package io.switchboard.media.call;

import java.util.concurrent.TimeUnit;

/**
 * cut-off watch: counts false cut-offs, a reply to a spoken turn that started while the caller was still talking, or
 * that the caller talked into within {@value #RESUME_WINDOW_MILLIS} ms of its start (they had not finished). It sits
 * right after VAD and watches every frame, whatever turn-taking decided, so the measure does not depend on the
 * decision it measures. Talking is speech as VAD's onset knows it ({@link SpeechRun}: {@value SpeechRun#ONSET_MILLIS} ms of
 * sound at speech level), not any frame above the floor: the hiss a synthesiser or a codec leaves after the last word
 * is no one talking. The speaking thread notes when each such reply's first frame went out; one reply is judged once.
 * Frames pass through unchanged; nothing allocated per frame.
 */
final class CutOffWatch implements Stage {

    static final int RESUME_WINDOW_MILLIS = 300;
    private static final long RESUME_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(RESUME_WINDOW_MILLIS);
    /** Speech whose latest frame arrived up to this long before the reply's start was still going on as it began. */
    private static final long STILL_TALKING_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final TurnTakingStats stats;
    private final SpeechRun speech = SpeechRun.ofMillis(SpeechRun.ONSET_MILLIS);
    /** Written by the speaking thread, read by the call thread. */
    private volatile long replyStartNanos;
    /** The call thread's: the reply start already judged. */
    private long judged;

    CutOffWatch(TurnTakingStats stats) {
        this.stats = stats;
    }

    @Override
    public String name() {
        return "cut-off watch";
    }

    @Override
    public void onFrame(Frame in, StageContext context) {
        if (in instanceof AudioFrame frame) {
            heard(frame.quiet, frame.arrivalNanos);
        }
        context.emit(in);
    }

    /** Speaking thread: the first frame of a reply to a spoken turn was sent. */
    void replyStarted(long nanos) {
        stats.spokenReply();
        replyStartNanos = nanos;
    }

    /** Call thread: a frame of the caller's audio, quiet or not, arrived at {@code arrivalNanos}. */
    void heard(boolean quiet, long arrivalNanos) {
        if (!speech.accept(quiet, arrivalNanos)) {
            return;
        }
        long start = replyStartNanos;
        if (start == 0 || start == judged || arrivalNanos < start - STILL_TALKING_NANOS) {
            return;
        }
        judged = start;
        if (speech.startNanos() - start <= RESUME_WINDOW_NANOS) {
            stats.falseCutOff();
        }
    }
}
