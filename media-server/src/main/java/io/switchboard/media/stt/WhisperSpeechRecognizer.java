package io.switchboard.media.stt;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperJNI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * whisper.cpp engine through whisper-jni: one model context shared by all calls, one decoder state per stream.
 * Whisper is not a streaming recogniser: a stream buffers its turn and decodes it when the caller asks for the final
 * result, so {@link RecognitionStream#partial()} stays empty and turn-end latency grows with the model size.
 */
public final class WhisperSpeechRecognizer implements SpeechRecognizer {

    /** whisper.cpp expects 16 kHz mono. */
    public static final int SAMPLE_RATE = 16_000;

    private static final Logger LOG = LoggerFactory.getLogger(WhisperSpeechRecognizer.class);

    private final WhisperJNI whisper;
    private final WhisperContext context;
    private volatile boolean closed;

    private WhisperSpeechRecognizer(WhisperJNI whisper, WhisperContext context) {
        this.whisper = whisper;
        this.context = context;
    }

    /** Loads the whisper-jni native library, failing with a clear message if this platform or JVM cannot. */
    public static WhisperJNI loadNativeLibrary() {
        try {
            WhisperJNI.loadLibrary();
            return new WhisperJNI();
        } catch (IOException | UnsatisfiedLinkError e) {
            throw new SpeechEngineException("whisper-jni native library could not be loaded (is the JVM started with"
                    + " --enable-native-access=ALL-UNNAMED, and is the platform supported?): " + e.getMessage(), e);
        }
    }

    /**
     * Loads the ggml model at {@code modelPath}.
     *
     * @throws SpeechEngineException if the file is missing, unreadable or not a whisper ggml model
     */
    public static WhisperSpeechRecognizer start(Path modelPath) {
        if (modelPath == null) {
            throw new SpeechEngineException("Whisper engine selected but no ggml model path configured"
                    + " (SWITCHBOARD_WHISPER_MODEL)");
        }
        Path model = modelPath.toAbsolutePath().normalize();
        if (!Files.isRegularFile(model)) {
            throw new SpeechEngineException("Whisper ggml model file not found: " + model);
        }
        if (!Files.isReadable(model)) {
            throw new SpeechEngineException("Whisper ggml model file is not readable: " + model);
        }
        long started = System.nanoTime();
        WhisperJNI whisper = loadNativeLibrary();
        WhisperContext context;
        try {
            context = whisper.initNoState(model);
        } catch (IOException e) {
            throw new SpeechEngineException("Whisper could not read the model file " + model, e);
        }
        // whisper.cpp reports a bad file by returning no context rather than throwing.
        if (context == null) {
            throw new SpeechEngineException("Whisper could not load " + model
                    + ": not a valid ggml whisper model (corrupt, truncated or another format)");
        }
        LOG.info("Whisper model {} loaded in {} ms", model.getFileName(), (System.nanoTime() - started) / 1_000_000);
        return new WhisperSpeechRecognizer(whisper, context);
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public RecognitionStream openStream() {
        if (closed) {
            throw new IllegalStateException("Whisper engine is closed");
        }
        return new WhisperRecognitionStream(whisper, context);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        context.close();
    }
}
