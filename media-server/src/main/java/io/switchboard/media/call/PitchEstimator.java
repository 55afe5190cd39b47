package io.switchboard.media.call;

/**
 * A cheap pitch estimate of 8 kHz speech: the normalised autocorrelation over lags for 70 to 400 Hz, taken on every
 * second sample (half the work; the lag keeps full resolution), and the shortest lag whose correlation peak is nearly
 * as high as the best, so a period's multiples (an octave too low) do not win. Give it two frames (40 ms) so the lowest
 * voices have a few periods in the window. Good enough to tell a falling end of a sentence from a level or rising one;
 * not a pitch tracker. Keeps one scratch array; allocates nothing per frame. Not thread-safe.
 */
public final class PitchEstimator {

    static final int SAMPLE_RATE = 8000;
    private static final int MIN_LAG = SAMPLE_RATE / 400;
    private static final int MAX_LAG = SAMPLE_RATE / 70;
    /** Below this normalised correlation the frame is taken as unvoiced (noise, a fricative). */
    private static final double VOICED_CORRELATION = 0.5;
    /** A shorter lag whose peak reaches this share of the best is the period (the best may be its double). */
    private static final double NEAR_BEST = 0.85;

    private final double[] correlation = new double[MAX_LAG + 2];

    /** The pitch of {@code pcm[offset .. offset + length)} in Hz, or 0 when it is not clearly voiced. */
    public double hz(short[] pcm, int offset, int length) {
        if (length <= MAX_LAG + MIN_LAG) {
            return 0;
        }
        int window = length - MAX_LAG - 1;
        double best = 0;
        for (int lag = MIN_LAG - 1; lag <= MAX_LAG + 1; lag++) {
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
            double r = cross <= 0 || energyA == 0 || energyB == 0 ? 0 : cross / Math.sqrt((double) energyA * energyB);
            correlation[Math.min(lag, MAX_LAG + 1)] = r;
            if (lag >= MIN_LAG && lag <= MAX_LAG && r > best) {
                best = r;
            }
        }
        if (best < VOICED_CORRELATION) {
            return 0;
        }
        for (int lag = MIN_LAG; lag <= MAX_LAG; lag++) {
            double r = correlation[lag];
            if (r >= NEAR_BEST * best && r >= correlation[lag - 1] && r >= correlation[lag + 1]) {
                return (double) SAMPLE_RATE / lag;
            }
        }
        return 0;
    }
}
