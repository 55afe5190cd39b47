package io.switchboard.media.tts;

import java.util.function.BooleanSupplier;

/**
 * Text-to-speech that streams: frames reach the sink while the rest of the sentence is still being synthesised, and
 * synthesis stops within a frame once {@code cancelled} turns true. Implementations are thread-safe; a call blocks
 * for as long as synthesis runs, so it belongs on a worker thread, never an event loop.
 */
public interface SpeechSynthesizer extends AutoCloseable {

    /**
     * Synthesises {@code text} and delivers it to {@code sink} as 20 ms 8 kHz mu-law frames; the last frame is padded
     * with silence. Blank text delivers nothing.
     *
     * @throws SpeechSynthesisException if the engine fails on this text
     */
    SynthesisResult synthesize(String text, AudioSink sink, BooleanSupplier cancelled);

    /**
     * Starts synthesising {@code text} for reading a stretch at a time. This default synthesises the whole sentence
     * at once into memory, stopping early (and then holding only what was made) once {@code unwanted} turns true; an
     * engine that produces audio lazily as it is read (MaryTTS) overrides it, so that what is never read is never
     * synthesised.
     *
     * @throws SpeechSynthesisException if the engine fails on this text
     */
    default SpeechStream open(String text, BooleanSupplier unwanted) {
        BufferedSpeech buffered = new BufferedSpeech();
        synthesize(text, buffered, unwanted);
        return buffered;
    }

    @Override
    void close();
}
