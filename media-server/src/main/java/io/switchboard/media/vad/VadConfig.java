package io.switchboard.media.vad;

/**
 * Tuning of {@link VoiceActivityDetector}.
 *
 * @param sampleRate          sample rate of the frames, in Hz
 * @param frameSamples        samples per frame (160 = 20 ms at 8 kHz)
 * @param startThresholdDb    how far above the noise floor a frame must be to count towards speech onset
 * @param continueThresholdDb how far above the noise floor a frame must be to keep speech going (lower than the
 *                            start threshold so trailing soft syllables don't cut a turn)
 * @param minimumSpeechDbfs   frames quieter than this never count as speech, however quiet the line
 * @param onsetMillis         loud audio needed before speech is declared (rejects clicks and pops)
 * @param hangoverMillis      quiet audio needed after speech before it is declared ended
 */
public record VadConfig(int sampleRate, int frameSamples, double startThresholdDb, double continueThresholdDb,
                        double minimumSpeechDbfs, int onsetMillis, int hangoverMillis) {

    public VadConfig {
        if (sampleRate <= 0 || frameSamples <= 0) {
            throw new IllegalArgumentException("sampleRate and frameSamples must be positive");
        }
        if (continueThresholdDb > startThresholdDb) {
            throw new IllegalArgumentException("continue threshold " + continueThresholdDb
                    + " dB must not exceed start threshold " + startThresholdDb + " dB");
        }
        if (onsetMillis < 0 || hangoverMillis < 0) {
            throw new IllegalArgumentException("onset and hangover must not be negative");
        }
    }

    /** Telephone defaults: 8 kHz, 20 ms frames, 10/6 dB over the floor, 60 ms onset, 500 ms hangover. */
    public static VadConfig telephony() {
        return new VadConfig(8000, 160, 10, 6, -55, 60, 500);
    }

    /** The same tuning with another hangover, e.g. shorter while a yes/no answer is expected. */
    public VadConfig withHangoverMillis(int millis) {
        return new VadConfig(sampleRate, frameSamples, startThresholdDb, continueThresholdDb, minimumSpeechDbfs,
                onsetMillis, millis);
    }

    /** Length of one frame in milliseconds. */
    public double frameMillis() {
        return frameSamples * 1000.0 / sampleRate;
    }
}
