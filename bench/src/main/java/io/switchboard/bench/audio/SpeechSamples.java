package io.switchboard.bench.audio;

import io.switchboard.media.simulator.EspeakVoice;

/**
 * Caller audio rendered at run time with espeak-ng (installed from Debian packages, never committed), as 16-bit
 * PCM at the rate asked for.
 */
public final class SpeechSamples {

    /** British English at 150 words a minute, espeak-ng's default word gap. */
    private static final EspeakVoice VOICE = new EspeakVoice("en-gb", 150, 0);

    private SpeechSamples() {
    }

    /**
     * @throws IllegalStateException when espeak-ng is missing ({@code apt-get install -y espeak-ng})
     */
    public static short[] speak(String text, int sampleRate) {
        return VOICE.render(text, sampleRate);
    }
}
