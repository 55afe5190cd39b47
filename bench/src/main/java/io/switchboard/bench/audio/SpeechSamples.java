package io.switchboard.bench.audio;

import io.switchboard.media.simulator.CachedCallerVoice;
import io.switchboard.media.simulator.CallerVoice;
import io.switchboard.media.simulator.EspeakVoice;
import io.switchboard.media.simulator.MaryCallerVoice;

/**
 * Caller audio for the benchmarks, as 16-bit PCM at the rate asked for: espeak-ng's British voice when espeak-ng is
 * installed (the voice the published numbers were measured with), a MaryTTS caller otherwise. Rendered once and
 * cached under {@code target/caller-audio}.
 */
public final class SpeechSamples {

    /** espeak-ng: British English at 150 words a minute, its default word gap. */
    private static final CallerVoice VOICE = CachedCallerVoice.of(EspeakVoice.installed()
            ? new EspeakVoice("en-gb", 150, 0) : MaryCallerVoice.DEEP);

    private SpeechSamples() {
    }

    public static short[] speak(String text, int sampleRate) {
        return VOICE.render(text, sampleRate);
    }
}
