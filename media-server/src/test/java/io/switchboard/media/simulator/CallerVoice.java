package io.switchboard.media.simulator;

import io.switchboard.media.codec.MuLaw;
import java.util.Arrays;

/**
 * A synthetic caller's voice: turns a line of text into caller audio. Implementations are slow (they synthesise or
 * fork a program), so render a call's lines before dialling and wrap the voice in a {@link CachedCallerVoice}.
 */
public interface CallerVoice {

    /**
     * Everything that decides the audio, engine included ({@code "espeak-ng:en-gb:150wpm:gap8"}): it names the
     * voice in reports and keys the rendered-audio cache, so two voices that sound different never share an id.
     */
    String id();

    /**
     * {@code text} as 16-bit mono samples at {@code sampleRate} Hz.
     *
     * @throws IllegalStateException when the engine is missing or fails
     */
    short[] render(String text, int sampleRate);

    /** {@code text} as Twilio would stream it: 8 kHz mu-law, padded with silence to whole 20 ms frames. */
    default CallerUtterance utterance(String text) {
        short[] pcm = render(text, 8000);
        short[] padded = Arrays.copyOf(pcm, Math.max(1, (pcm.length + 159) / 160) * 160);
        byte[] muLaw = new byte[padded.length];
        MuLaw.encode(padded, 0, padded.length, muLaw, 0);
        return CallerUtterance.of(text, muLaw);
    }
}
