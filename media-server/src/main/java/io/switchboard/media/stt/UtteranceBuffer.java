package io.switchboard.media.stt;

/**
 * The current turn's audio, kept so a second pass can decode it again. Allocated once per stream; appending copies
 * into it and allocates nothing. A turn longer than the buffer is marked overflowed: a second pass over a cut turn
 * would hear less than the first, so none is run.
 */
final class UtteranceBuffer {

    private final short[] samples;
    private int length;
    private boolean overflowed;

    UtteranceBuffer(int capacitySamples) {
        this.samples = new short[capacitySamples];
    }

    void append(short[] pcm, int len) {
        if (overflowed) {
            return;
        }
        if (length + len > samples.length) {
            overflowed = true;
            return;
        }
        System.arraycopy(pcm, 0, samples, length, len);
        length += len;
    }

    /** Whether the whole turn is held (and anything at all). */
    boolean complete() {
        return !overflowed && length > 0;
    }

    /** The held samples; valid up to {@link #length()} until the next {@link #clear()}. */
    short[] samples() {
        return samples;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
        overflowed = false;
    }
}
