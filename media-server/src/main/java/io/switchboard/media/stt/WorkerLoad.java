package io.switchboard.media.stt;

import java.util.concurrent.TimeUnit;

/**
 * How busy the recognition workers have been lately: the share of the pool's time spent decoding, measured over
 * windows of {@link #WINDOW_NANOS} and smoothed over about {@link #SMOOTHING_WINDOWS} of them. Smoothed because callers
 * take turns with the receptionist: a call's recognition is busy while it talks and idle while it listens, and the
 * question that decides whether to do extra work comes while it listens, so the last moment alone would always look
 * idle.
 *
 * <p>Not thread-safe: {@link RecognitionWorkers} uses it under its lock. Time comes from the caller.
 */
final class WorkerLoad {

    static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** Each window's share weighs 1/4 of the smoothed one: about the last eight seconds count. */
    static final int SMOOTHING_WINDOWS = 4;

    private final int workers;
    private boolean started;
    private long windowStart;
    private long busyInWindow;
    private double share;

    WorkerLoad(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker, was " + workers);
        }
        this.workers = workers;
    }

    /** A worker spent {@code nanos} decoding, ending at {@code now}: it counts in the window that {@code now} ends. */
    void busy(long nanos, long now) {
        long spent = Math.max(0, nanos);
        if (!started) {
            started = true;
            windowStart = now - spent;
        }
        busyInWindow += spent;
        roll(now);
    }

    /** The smoothed share (0 to 1) of the pool's time spent decoding, as of {@code now}. */
    double share(long now) {
        roll(now);
        return share;
    }

    private void roll(long now) {
        if (!started) {
            started = true;
            windowStart = now;
            return;
        }
        long elapsed = now - windowStart;
        if (elapsed < WINDOW_NANOS) {
            return;
        }
        double last = Math.min(1, busyInWindow / ((double) elapsed * workers));
        // A window much longer than one (nothing asked for a while) stands on its own: it is all of that time.
        share = elapsed >= SMOOTHING_WINDOWS * WINDOW_NANOS ? last : share + (last - share) / SMOOTHING_WINDOWS;
        windowStart = now;
        busyInWindow = 0;
    }
}
