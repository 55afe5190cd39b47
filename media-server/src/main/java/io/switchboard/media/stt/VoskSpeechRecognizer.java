package io.switchboard.media.stt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Vosk engine: one shared {@link Model} and a pool of recognisers created at start-up, because creating one costs
 * tens of milliseconds while resetting one costs microseconds. Streams borrow a recogniser and hand it back on close.
 */
public final class VoskSpeechRecognizer implements SpeechRecognizer {

    /** Vosk's small English model is trained on 16 kHz audio; 8 kHz input must be upsampled before it gets here. */
    public static final int SAMPLE_RATE = 16_000;

    /** Hypotheses per turn: enough for the expected answer to be among them, few enough to stay cheap. */
    static final int ALTERNATIVES = 5;
    /** The longest turn a second pass may decode again: 20 s, longer than any answer to a question. */
    static final int TURN_BUFFER_SAMPLES = 20 * SAMPLE_RATE;

    private static final Logger LOG = LoggerFactory.getLogger(VoskSpeechRecognizer.class);

    private final Model model;
    private final int poolSize;
    private final BlockingQueue<Recognizer> idle;
    private final GrammarRecognizers grammarRecognizers;
    private final GrammarPass grammarPass;
    private final SpeechRecognizer transcriber;
    private volatile boolean closed;

    private VoskSpeechRecognizer(Model model, int poolSize, SpeechRecognizer transcriber) {
        this.model = model;
        this.poolSize = poolSize;
        this.idle = new LinkedBlockingQueue<>();
        this.grammarRecognizers = new GrammarRecognizers(model, SAMPLE_RATE);
        this.grammarPass = new GrammarPass(grammarRecognizers, new VoskVocabulary(model));
        this.transcriber = transcriber;
    }

    /**
     * Loads the native library and the model from {@code modelDirectory} and pre-creates {@code poolSize} recognisers.
     * JNA unpacks native libraries under {@code cacheRoot/jna} (unless {@code jna.tmpdir} is already set), not the
     * user's home or a shared /tmp.
     *
     * @throws SpeechEngineException if the native library or the model cannot be loaded
     */
    public static VoskSpeechRecognizer start(Path modelDirectory, Path cacheRoot, int poolSize) {
        return start(modelDirectory, cacheRoot, poolSize, null);
    }

    /**
     * As {@link #start(Path, Path, int)}, with {@code transcriber} (Whisper, or null for none) as the second pass for
     * names and addresses. The transcriber is closed with this engine.
     */
    public static VoskSpeechRecognizer start(Path modelDirectory, Path cacheRoot, int poolSize,
                                             SpeechRecognizer transcriber) {
        if (transcriber != null && transcriber.sampleRate() != SAMPLE_RATE) {
            throw new IllegalArgumentException("a second-pass transcriber must take " + SAMPLE_RATE + " Hz audio");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        long started = System.nanoTime();
        useJnaDirectoryUnder(cacheRoot);
        try {
            LibVosk.setLogLevel(LogLevel.WARNINGS);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new SpeechEngineException("Vosk native library could not be loaded (is the JVM started with"
                    + " --enable-native-access=ALL-UNNAMED, and is the platform linux-x86-64?): " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(modelDirectory.resolve("am/final.mdl"))) {
            throw new SpeechEngineException("no Vosk model in " + modelDirectory + " (am/final.mdl missing)");
        }
        Model model;
        try {
            model = new Model(modelDirectory.toString());
        } catch (IOException e) {
            throw new SpeechEngineException("Vosk could not load the model in " + modelDirectory, e);
        }
        VoskSpeechRecognizer engine = new VoskSpeechRecognizer(model, poolSize, transcriber);
        for (int i = 0; i < poolSize; i++) {
            engine.idle.add(engine.newRecognizer());
        }
        LOG.info("Vosk ready with {} recognisers in {} ms", poolSize, (System.nanoTime() - started) / 1_000_000);
        return engine;
    }

    private static void useJnaDirectoryUnder(Path cacheRoot) {
        if (System.getProperty("jna.tmpdir") != null) {
            return;
        }
        Path jnaDirectory = cacheRoot.toAbsolutePath().normalize().resolve("jna");
        try {
            Files.createDirectories(jnaDirectory);
        } catch (IOException e) {
            throw new SpeechEngineException("cannot create JNA directory " + jnaDirectory, e);
        }
        System.setProperty("jna.tmpdir", jnaDirectory.toString());
    }

    private Recognizer newRecognizer() {
        try {
            Recognizer recognizer = new Recognizer(model, SAMPLE_RATE);
            recognizer.setMaxAlternatives(ALTERNATIVES);
            return recognizer;
        } catch (IOException e) {
            throw new SpeechEngineException("Vosk could not create a recogniser", e);
        }
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    /** Recognisers waiting in the pool. */
    public int idleRecognizers() {
        return idle.size();
    }

    @Override
    public RecognitionStream openStream() {
        if (closed) {
            throw new IllegalStateException("Vosk engine is closed");
        }
        Recognizer recognizer = idle.poll();
        if (recognizer == null) {
            // More concurrent calls than the pool was sized for: serve this one anyway, a little later.
            LOG.warn("Vosk recogniser pool of {} exhausted; creating one on demand", poolSize);
            recognizer = newRecognizer();
        }
        return new VoskRecognitionStream(recognizer, this, grammarPass,
                transcriber == null ? SecondPassTranscriber.NONE : SecondPassTranscriber.over(transcriber),
                TURN_BUFFER_SAMPLES);
    }

    void release(Recognizer recognizer) {
        if (closed || idle.size() >= poolSize) {
            recognizer.close();
            return;
        }
        idle.add(recognizer);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Recognizer recognizer; (recognizer = idle.poll()) != null; ) {
            recognizer.close();
        }
        grammarRecognizers.close();
        model.close();
        if (transcriber != null) {
            transcriber.close();
        }
    }

    GrammarRecognizers grammarRecognizers() {
        return grammarRecognizers;
    }

    GrammarPass grammarPass() {
        return grammarPass;
    }

    /** Whether names and addresses get a second, open transcription (Whisper). */
    public boolean transcribesSecondPass() {
        return transcriber != null;
    }
}
