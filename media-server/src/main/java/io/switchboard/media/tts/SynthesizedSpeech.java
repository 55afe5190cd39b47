package io.switchboard.media.tts;

import io.switchboard.media.audio.StreamingResampler;
import io.switchboard.media.codec.MuLaw;

import java.io.ByteArrayOutputStream;

/**
 * A sentence synthesised to 16 kHz samples, the form recognisers take: for start-up work such as warming the
 * recognisers up with real speech, never for a call (calls stream frames).
 */
public final class SynthesizedSpeech {

    private SynthesizedSpeech() {
    }

    /** {@code text} as 16-bit mono samples at 16 kHz, through the same mu-law the caller's audio goes through. */
    public static short[] at16k(SpeechSynthesizer tts, String text) {
        ByteArrayOutputStream muLaw = new ByteArrayOutputStream();
        tts.synthesize(text, (frame, offset, length) -> muLaw.write(frame, offset, length), () -> false);
        byte[] codes = muLaw.toByteArray();
        short[] pcm8k = new short[codes.length];
        MuLaw.decode(codes, 0, codes.length, pcm8k, 0);
        StreamingResampler up = new StreamingResampler(8_000, 16_000);
        short[] pcm16k = new short[up.maxOutputLength(pcm8k.length)];
        int n = up.process(pcm8k, 0, pcm8k.length, pcm16k, 0);
        return java.util.Arrays.copyOf(pcm16k, n);
    }
}
