package io.switchboard.media.audio;

/**
 * Designs linear-phase low-pass FIR filters by the windowed-sinc method with a Kaiser window, whose length and
 * shape follow from the wanted stop-band attenuation and transition width (Kaiser's formulas).
 */
public final class KaiserLowPass {

    private KaiserLowPass() {
    }

    /**
     * Returns the taps of a low-pass filter with unity gain at DC.
     *
     * @param sampleRate     rate the filter runs at, in Hz
     * @param passbandEdge   highest frequency to keep, in Hz
     * @param stopbandEdge   lowest frequency to reject, in Hz (above {@code passbandEdge})
     * @param attenuationDb  stop-band attenuation, in dB (positive)
     * @param lengthMultiple the tap count is rounded up to a multiple of this (polyphase banks want it)
     */
    public static double[] design(double sampleRate, double passbandEdge, double stopbandEdge,
                                  double attenuationDb, int lengthMultiple) {
        if (!(passbandEdge > 0 && stopbandEdge > passbandEdge && stopbandEdge <= sampleRate / 2)) {
            throw new IllegalArgumentException("need 0 < passband " + passbandEdge + " < stopband " + stopbandEdge
                    + " <= Nyquist " + sampleRate / 2);
        }
        double transition = 2 * Math.PI * (stopbandEdge - passbandEdge) / sampleRate;
        int order = (int) Math.ceil((attenuationDb - 8) / (2.285 * transition));
        int length = order + 1;
        length = ((length + lengthMultiple - 1) / lengthMultiple) * lengthMultiple;
        double beta = beta(attenuationDb);
        double cutoff = (passbandEdge + stopbandEdge) / 2 / sampleRate;
        double centre = (length - 1) / 2.0;
        double i0Beta = besselI0(beta);
        double[] taps = new double[length];
        double sum = 0;
        for (int n = 0; n < length; n++) {
            double x = n - centre;
            double sinc = x == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            double r = centre == 0 ? 0 : x / centre;
            double window = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
            taps[n] = sinc * window;
            sum += taps[n];
        }
        for (int n = 0; n < length; n++) {
            taps[n] /= sum;
        }
        return taps;
    }

    private static double beta(double attenuationDb) {
        if (attenuationDb > 50) {
            return 0.1102 * (attenuationDb - 8.7);
        }
        if (attenuationDb >= 21) {
            return 0.5842 * Math.pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21);
        }
        return 0;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double halfX = x / 2;
        for (int k = 1; k < 64; k++) {
            term *= (halfX / k) * (halfX / k);
            sum += term;
            if (term < sum * 1e-12) {
                break;
            }
        }
        return sum;
    }
}
