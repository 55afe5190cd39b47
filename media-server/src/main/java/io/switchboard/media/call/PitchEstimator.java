package io.switchboard.media.call;

/**
 * A cheap pitch estimate of one 20 ms frame of 8 kHz speech: the lag of the highest normalised autocorrelation between
 * 70 and 400 Hz, over every second sample (half the work; the lag keeps full resolution). Give it two frames
 * (40 ms) so the lowest voices have a few periods in the window. Good enough to tell a falling end of a sentence from a level or rising one; not a pitch tracker
 * (no octave correction, no interpolation). Allocates nothing.
 */
public final class PitchEstimator {

    static final int SAMPLE_RATE = 8000;
    private static final int MIN_LAG = SAMPLE_RATE / 400;
    private static final int MAX_LAG = SAMPLE_RATE / 70;
    /** Below this normalised correlation the frame is taken as unvoiced (noise, a fricative). */
    private static final double VOICED_CORRELATION = 0.5;

    private PitchEstimator() {
    }

    /** The frame's pitch in Hz, or 0 when it is not clearly voiced. */
    public static double hz(short[] pcm, int offset, int length) {
        if (length <= MAX_LAG + MIN_LAG) {
            return 0;
        }
        int window = length - MAX_LAG;
        double best = 0;
        int bestLag = 0;
        for (int lag = MIN_LAG; lag <= MAX_LAG; lag++) {
            long cross = 0;
            long energyA = 0;
            long energyB = 0;
            for (int i = offset; i < offset + window; i += 2) {
                int a = pcm[i];
                int b = pcm[i + lag];
                cross += a * b;
                energyA += a * a;
                energyB += b * b;
            }
            if (cross <= 0 || energyA == 0 || energyB == 0) {
                continue;
            }
            double r = cross / Math.sqrt((double) energyA * energyB);
            if (r > best) {
                best = r;
                bestLag = lag;
            }
        }
        return best < VOICED_CORRELATION ? 0 : (double) SAMPLE_RATE / bestLag;
    }
}
