package io.switchboard.media.call;

/**
 * Whether the caller is talking, judged frame by frame the way VAD judges an onset: a run of at least
 * {@code frames} consecutive frames that are not {@link AudioFrame#quiet quiet}. A shorter sound (a click, the hiss a
 * synthesiser or codec leaves after the last word, the edge of a breath) is no speech, so it neither resumes a turn
 * nor counts as talking over a reply. Fixed state, nothing allocated; one per user, on the call's thread.
 */
final class SpeechRun {

    /** VAD's telephony onset: this much sound starts speech. */
    static final int ONSET_MILLIS = 60;

    private final int frames;
    private int length;
    private long startNanos;

    /** @param frames consecutive sounding frames that make speech, at least 1 */
    SpeechRun(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("a speech run is at least one frame, was " + frames);
        }
        this.frames = frames;
    }

    /** Sounding frames for {@code millis} of sound (at least one frame). */
    static SpeechRun ofMillis(int millis) {
        return new SpeechRun(Math.max(1, (millis + 19) / 20));
    }

    /** One frame; true while the run it belongs to is long enough to be speech (from its {@code frames}-th frame). */
    boolean accept(boolean quiet, long arrivalNanos) {
        if (quiet) {
            length = 0;
            return false;
        }
        if (length == 0) {
            startNanos = arrivalNanos;
        }
        if (length < Integer.MAX_VALUE) {
            length++;
        }
        return length >= frames;
    }

    /** When the current (or last) run's first frame arrived. */
    long startNanos() {
        return startNanos;
    }

    /** Sounding frames in the current run so far. */
    int length() {
        return length;
    }

    /** Frames a run needs to be speech. */
    int frames() {
        return frames;
    }

    void reset() {
        length = 0;
    }
}
