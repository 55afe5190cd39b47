package io.switchboard.media.audio;

/**
 * Rational-ratio sample-rate converter for a continuous 16-bit mono stream fed in frames of any size.
 *
 * <p>A polyphase windowed-sinc FIR does interpolation and anti-aliasing in one pass; its pass band ends at 95% of
 * the lower of the two Nyquist frequencies and it reaches 70 dB attenuation at that Nyquist frequency, so nothing
 * folds back into the band (e.g. 8 kHz: 3.8 kHz pass, 4 kHz stop). The filter history and the
 * fractional output position carry over between calls, so feeding a signal frame by frame yields exactly the same
 * samples as feeding it at once. After construction {@link #process} allocates nothing. Not thread-safe: one
 * instance per stream.
 */
public final class StreamingResampler {

    private static final int BLOCK = 1024;
    private static final double ATTENUATION_DB = 70;
    /** Measured: Vosk hears "kitchen sink" over 8 kHz mu-law with a 3.8 kHz pass band, not with 3.4 kHz. */
    private static final double PASSBAND_FRACTION = 0.95;

    private final int inputRate;
    private final int outputRate;
    private final int up;
    private final int down;
    private final int tapsPerPhase;
    /** Phase p's taps at [p * tapsPerPhase, (p + 1) * tapsPerPhase), pre-scaled by {@code up}. */
    private final float[] bank;
    /** The last tapsPerPhase - 1 inputs, then the current block. */
    private final float[] work;
    /** Next output's position on the upsampled time axis, relative to the current block's first input. */
    private long position;

    /** Creates a converter from {@code inputRate} to {@code outputRate} (Hz, both positive). */
    public StreamingResampler(int inputRate, int outputRate) {
        if (inputRate <= 0 || outputRate <= 0) {
            throw new IllegalArgumentException("rates must be positive: " + inputRate + " -> " + outputRate);
        }
        int gcd = gcd(inputRate, outputRate);
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        this.up = outputRate / gcd;
        this.down = inputRate / gcd;
        double nyquist = Math.min(inputRate, outputRate) / 2.0;
        double[] prototype = KaiserLowPass.design((double) inputRate * up, nyquist * PASSBAND_FRACTION, nyquist,
                ATTENUATION_DB, up);
        this.tapsPerPhase = prototype.length / up;
        this.bank = new float[prototype.length];
        for (int phase = 0; phase < up; phase++) {
            for (int k = 0; k < tapsPerPhase; k++) {
                bank[phase * tapsPerPhase + k] = (float) (prototype[phase + k * up] * up);
            }
        }
        this.work = new float[tapsPerPhase - 1 + BLOCK];
    }

    public int inputRate() {
        return inputRate;
    }

    public int outputRate() {
        return outputRate;
    }

    /** Upper bound of the samples {@link #process} writes for {@code inputLength} input samples. */
    public int maxOutputLength(int inputLength) {
        return (int) (((long) inputLength * up + down - 1) / down);
    }

    /** Delay the filter adds, in output samples (a sine comes out this much later). */
    public double delayInOutputSamples() {
        return (tapsPerPhase * up - 1) / 2.0 / down;
    }

    /**
     * Converts {@code len} samples from {@code src[off..]} and writes the resulting samples to {@code dst[dstOff..]}.
     *
     * @return the number of samples written, at most {@link #maxOutputLength(int) maxOutputLength(len)}
     * @throws IllegalArgumentException if {@code dst} has less room than {@code maxOutputLength(len)}
     */
    public int process(short[] src, int off, int len, short[] dst, int dstOff) {
        if (off < 0 || len < 0 || off > src.length - len) {
            throw new IndexOutOfBoundsException("src range [" + off + ", +" + len + ") of " + src.length);
        }
        if (dstOff < 0 || dst.length - dstOff < maxOutputLength(len)) {
            throw new IllegalArgumentException("dst needs room for " + maxOutputLength(len) + " samples from "
                    + dstOff + ", has " + (dst.length - Math.max(dstOff, 0)));
        }
        int written = 0;
        int history = tapsPerPhase - 1;
        for (int done = 0; done < len; ) {
            int block = Math.min(BLOCK, len - done);
            for (int i = 0; i < block; i++) {
                work[history + i] = src[off + done + i];
            }
            long end = (long) block * up;
            while (position < end) {
                int newest = history + (int) (position / up);
                int tap = (int) (position % up) * tapsPerPhase;
                float acc = 0;
                for (int k = 0; k < tapsPerPhase; k++) {
                    acc += bank[tap + k] * work[newest - k];
                }
                dst[dstOff + written++] = clamp(acc);
                position += down;
            }
            position -= end;
            System.arraycopy(work, block, work, 0, history);
            done += block;
        }
        return written;
    }

    /** Forgets all history, as if newly constructed (e.g. when a pooled instance starts a new call). */
    public void reset() {
        java.util.Arrays.fill(work, 0f);
        position = 0;
    }

    private static short clamp(float v) {
        int rounded = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
