package io.switchboard.media.tts;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/** A fixed prompt synthesised ahead of time, kept as ready-to-send 20 ms mu-law frames. */
public final class CachedPrompt {

    private final String text;
    private final byte[] muLaw;

    CachedPrompt(String text, byte[] muLaw) {
        if (muLaw.length % AudioSink.FRAME_BYTES != 0) {
            throw new IllegalArgumentException("prompt audio is not whole frames: " + muLaw.length + " bytes");
        }
        this.text = text;
        this.muLaw = muLaw;
    }

    public String text() {
        return text;
    }

    /** Number of 20 ms frames. */
    public int frames() {
        return muLaw.length / AudioSink.FRAME_BYTES;
    }

    /** A copy of the audio (all frames back to back). */
    public byte[] muLaw() {
        return Arrays.copyOf(muLaw, muLaw.length);
    }

    /** Delivers the frames to {@code sink} straight from the cache, stopping as soon as {@code cancelled} is true. */
    public SynthesisResult play(AudioSink sink, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        long first = 0;
        int delivered = 0;
        for (int offset = 0; offset < muLaw.length; offset += AudioSink.FRAME_BYTES) {
            if (cancelled.getAsBoolean()) {
                return new SynthesisResult(delivered, true, started, first);
            }
            if (first == 0) {
                first = System.nanoTime();
            }
            sink.accept(muLaw, offset, AudioSink.FRAME_BYTES);
            delivered++;
        }
        return new SynthesisResult(delivered, false, started, first);
    }
}
