package io.switchboard.media.tts;

import java.util.function.BooleanSupplier;

/**
 * One sentence's synthesis, read a stretch at a time: audio not yet read is not yet synthesised. A speculative reply
 * holds the start of its first sentence and leaves the rest here, so the turn that commits it streams the rest instead
 * of waiting for a whole sentence to be vocoded into the hold. Read by one thread; not thread-safe.
 */
public interface SpeechStream extends AutoCloseable {

    /**
     * Delivers 20 ms 8 kHz mu-law frames to {@code sink} until the sentence ends or {@code pause} turns true (checked
     * before every frame); the last frame of the sentence is padded with silence.
     *
     * @return whether audio remains (paused before the end): another call goes on where this one stopped
     * @throws SpeechSynthesisException if the engine fails
     */
    boolean deliver(AudioSink sink, BooleanSupplier pause);

    /** Frames delivered so far. */
    int frames();

    /** Stops the synthesis; what was not read is never synthesised. Idempotent. */
    @Override
    void close();
}
