package io.switchboard.media.stt;

/**
 * A speech-to-text engine shared by all calls; each call opens its own {@link RecognitionStream}.
 *
 * <p>Implementations are thread-safe. Opening a stream is cheap (streams are pooled), but feeding and finishing a
 * stream is blocking native work that belongs on a per-call worker, never on an event loop.
 */
public interface SpeechRecognizer extends AutoCloseable {

    /** Sample rate the streams expect, in Hz (16 000 for both engines). */
    int sampleRate();

    /** Opens a stream for one call; close it when the call ends so its resources return to the pool. */
    RecognitionStream openStream();

    /** Releases the engine; open streams must not be used afterwards. */
    @Override
    void close();
}
