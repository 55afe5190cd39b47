package io.switchboard.media.audio;

import io.switchboard.media.simulator.CachedCallerVoice;
import io.switchboard.media.simulator.CallerVoice;
import io.switchboard.media.simulator.EspeakVoice;
import io.switchboard.media.simulator.MaryCallerVoice;

/**
 * Real speech for the recogniser and VAD tests, as 8 kHz 16-bit mono: espeak-ng's US voice where espeak-ng is
 * installed, the deep MaryTTS caller otherwise, so the tests need no system package. Rendered once per build
 * directory (cached under {@code target/caller-audio}).
 */
public final class TestSpeech {

    private static final CallerVoice ESPEAK_US = new EspeakVoice("en-us", 160, 0);
    private static final CallerVoice VOICE = CachedCallerVoice.of(EspeakVoice.installed()
            ? ESPEAK_US : MaryCallerVoice.DEEP);

    private TestSpeech() {
    }

    /** The voice {@link #narrowband} speaks with, for messages and assumptions. */
    public static CallerVoice voice() {
        return VOICE;
    }

    /** {@code text} spoken by {@link #voice()}, as 8 kHz samples. */
    public static short[] narrowband(String text) {
        return VOICE.render(text, 8000);
    }

    /** {@code pcm} with {@code beforeMs} and {@code afterMs} of silence (8 kHz) around it. */
    public static short[] padded(short[] pcm, int beforeMs, int afterMs) {
        short[] out = new short[pcm.length + (beforeMs + afterMs) * 8];
        System.arraycopy(pcm, 0, out, beforeMs * 8, pcm.length);
        return out;
    }
}
