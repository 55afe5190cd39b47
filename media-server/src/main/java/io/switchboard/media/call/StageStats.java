package io.switchboard.media.call;

import java.util.Locale;

/**
 * What one stage of a pipeline did, as measured by the pipeline: frames in (and how many of them audio), frames
 * emitted downstream, and the time spent inside the stage itself (not in the stages it called).
 */
record StageStats(String stage, long framesIn, long audioIn, long framesOut, long nanos, long maxNanos) {

    /** Mean time per frame in microseconds, 0 when no frame came in. */
    double meanMicros() {
        return framesIn == 0 ? 0 : nanos / 1e3 / framesIn;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s in=%d audio=%d out=%d total=%.1fms mean=%.1fus max=%.1fus", stage,
                framesIn, audioIn, framesOut, nanos / 1e6, meanMicros(), maxNanos / 1e3);
    }
}
