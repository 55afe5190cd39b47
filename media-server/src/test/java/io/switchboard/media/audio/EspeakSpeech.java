package io.switchboard.media.audio;

import io.switchboard.media.simulator.EspeakVoice;

/**
 * Real speech for tests, synthesised at test time with espeak-ng (installed by .ci/run; locally
 * {@code apt-get install espeak-ng}) and converted to 8 kHz 16-bit mono in Java. A missing espeak-ng fails the test.
 */
public final class EspeakSpeech {

    private static final EspeakVoice US = new EspeakVoice("en-us", 160, 0);

    private EspeakSpeech() {
    }

    /** {@code text} spoken by espeak-ng's US English voice at 160 words a minute, as 8 kHz samples. */
    public static short[] narrowband(String text) {
        return US.render(text, 8000);
    }

    /** {@code pcm} with {@code beforeMs} and {@code afterMs} of silence (8 kHz) around it. */
    public static short[] padded(short[] pcm, int beforeMs, int afterMs) {
        short[] out = new short[pcm.length + (beforeMs + afterMs) * 8];
        System.arraycopy(pcm, 0, out, beforeMs * 8, pcm.length);
        return out;
    }
}
