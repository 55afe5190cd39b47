package io.switchboard.media.tts;

import io.switchboard.media.audio.StreamingResampler;
import io.switchboard.media.codec.MuLaw;
import java.util.Arrays;

/**
 * Turns a 16-bit mono PCM stream at any rate into 20 ms 8 kHz mu-law frames: resample, collect 160 samples, encode,
 * hand to the sink. Buffers are sized for the largest chunk announced at construction, so pushing allocates nothing.
 * One instance per utterance or stream; not thread-safe.
 */
public final class MuLawFramer {

    private static final int OUTPUT_RATE = 8000;
    private static final int FRAME_SAMPLES = AudioSink.FRAME_BYTES;

    private final StreamingResampler resampler;
    private final int maxChunk;
    private final short[] resampled;
    private final short[] pending = new short[FRAME_SAMPLES];
    private final byte[] frame = new byte[FRAME_SAMPLES];
    private int pendingLength;
    private int framesEmitted;

    /**
     * @param inputRate rate of the PCM to be pushed, in Hz
     * @param maxChunk  largest number of samples a single {@link #push} will get
     */
    public MuLawFramer(int inputRate, int maxChunk) {
        this.resampler = inputRate == OUTPUT_RATE ? null : new StreamingResampler(inputRate, OUTPUT_RATE);
        this.maxChunk = maxChunk;
        this.resampled = new short[resampler == null ? maxChunk : resampler.maxOutputLength(maxChunk)];
    }

    /** Feeds {@code len} samples from {@code pcm[off..]}, delivering every frame that completes. */
    public void push(short[] pcm, int off, int len, AudioSink sink) {
        if (len > maxChunk) {
            throw new IllegalArgumentException("chunk of " + len + " exceeds the announced maximum " + maxChunk);
        }
        int count;
        if (resampler == null) {
            System.arraycopy(pcm, off, resampled, 0, len);
            count = len;
        } else {
            count = resampler.process(pcm, off, len, resampled, 0);
        }
        for (int i = 0; i < count; ) {
            int take = Math.min(FRAME_SAMPLES - pendingLength, count - i);
            System.arraycopy(resampled, i, pending, pendingLength, take);
            pendingLength += take;
            i += take;
            if (pendingLength == FRAME_SAMPLES) {
                emit(sink);
            }
        }
    }

    /** Pads a partly filled last frame with silence and delivers it. */
    public void flush(AudioSink sink) {
        if (pendingLength > 0) {
            Arrays.fill(pending, pendingLength, FRAME_SAMPLES, (short) 0);
            pendingLength = FRAME_SAMPLES;
            emit(sink);
        }
    }

    /** Frames delivered so far. */
    public int framesEmitted() {
        return framesEmitted;
    }

    private void emit(AudioSink sink) {
        MuLaw.encode(pending, 0, FRAME_SAMPLES, frame, 0);
        pendingLength = 0;
        framesEmitted++;
        sink.accept(frame, 0, FRAME_SAMPLES);
    }
}
