package io.switchboard.media.tts;

/**
 * How one synthesis went.
 *
 * @param frames          20 ms frames delivered to the sink
 * @param cancelled       whether delivery stopped early because the caller cancelled (barge-in)
 * @param startedNanos    {@link System#nanoTime()} when synthesis was asked for
 * @param firstFrameNanos {@link System#nanoTime()} when the first frame reached the sink; 0 if none did
 */
public record SynthesisResult(int frames, boolean cancelled, long startedNanos, long firstFrameNanos) {

    /** Audio delivered, in milliseconds. */
    public long audioMillis() {
        return frames * 20L;
    }

    /** Time from request to first frame, in milliseconds; -1 if no frame was delivered. */
    public double firstFrameMillis() {
        return firstFrameNanos == 0 ? -1 : (firstFrameNanos - startedNanos) / 1e6;
    }
}
