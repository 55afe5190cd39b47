package io.switchboard.media.stt;

import io.switchboard.media.audio.StreamingResampler;
import io.switchboard.media.codec.MuLaw;
import java.util.Arrays;

/** 8 kHz speech as a phone call delivers it to recognition, for the tests that decode synthetic callers. */
final class PhoneBand {

    /** Silence put before and after a line, as a caller's line sits in a call: 300 ms at 8 kHz. */
    private static final int PAD_SAMPLES = 2400;

    private PhoneBand() {
    }

    /** {@code pcm8k} padded with 300 ms of silence each side, mu-law coded and decoded, then resampled to 16 kHz. */
    static short[] of(short[] pcm8k) {
        short[] padded = new short[pcm8k.length + 2 * PAD_SAMPLES];
        System.arraycopy(pcm8k, 0, padded, PAD_SAMPLES, pcm8k.length);
        byte[] coded = new byte[padded.length];
        MuLaw.encode(padded, 0, padded.length, coded, 0);
        return ofWire(coded);
    }

    /** Audio as it came down the line (8 kHz mu-law, a simulated caller's already), decoded and resampled to 16 kHz. */
    static short[] ofWire(byte[] muLaw) {
        short[] decoded = new short[muLaw.length];
        MuLaw.decode(muLaw, 0, muLaw.length, decoded, 0);
        StreamingResampler up = new StreamingResampler(8000, 16000);
        short[] out = new short[up.maxOutputLength(decoded.length)];
        return Arrays.copyOf(out, up.process(decoded, 0, decoded.length, out, 0));
    }
}
