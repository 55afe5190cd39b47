package io.switchboard.media.call;

/**
 * A voiced sound for turn-taking tests: a pitched buzz (fundamental plus two harmonics) at a chosen pitch and level,
 * written into audio frames with its phase carried from frame to frame, so pitch and level can be made to fall.
 */
final class SyntheticVoice {

    private double phase;

    /** Fills {@code frame.pcm8} with 20 ms of voice at {@code hz} and peak {@code amplitude}; returns the frame. */
    AudioFrame into(AudioFrame frame, double hz, double amplitude) {
        for (int i = 0; i < AudioFrame.SAMPLES; i++) {
            phase += 2 * Math.PI * hz / 8000;
            double v = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase);
            frame.pcm8[i] = (short) Math.round(amplitude * v / 1.75);
        }
        return frame;
    }
}
