package io.switchboard.media.call;

import java.util.concurrent.TimeUnit;

/**
 * Counts false cut-offs: a reply to a spoken turn that started while the caller was still talking, or that the caller
 * talked into within {@value #RESUME_WINDOW_MILLIS} ms of its start (they had not finished). The speaking thread notes
 * when each such reply's first frame went out; the call thread reports the caller's voiced frames. One reply is
 * judged once. Nothing allocated per frame.
 */
final class CutOffWatch {

    static final int RESUME_WINDOW_MILLIS = 300;
    private static final long RESUME_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(RESUME_WINDOW_MILLIS);
    /** A voiced frame that arrived up to this long before the reply's start was still being spoken as it began. */
    private static final long STILL_TALKING_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final TurnTakingStats stats;
    /** Written by the speaking thread, read by the call thread. */
    private volatile long replyStartNanos;
    /** The call thread's: the reply start already judged. */
    private long judged;

    CutOffWatch(TurnTakingStats stats) {
        this.stats = stats;
    }

    /** Speaking thread: the first frame of a reply to a spoken turn was sent. */
    void replyStarted(long nanos) {
        stats.spokenReply();
        replyStartNanos = nanos;
    }

    /** Call thread: a voiced frame of the caller arrived at {@code arrivalNanos}. */
    void voiced(long arrivalNanos) {
        long start = replyStartNanos;
        if (start == 0 || start == judged || arrivalNanos < start - STILL_TALKING_NANOS) {
            return;
        }
        judged = start;
        if (arrivalNanos - start <= RESUME_WINDOW_NANOS) {
            stats.falseCutOff();
        }
    }
}
