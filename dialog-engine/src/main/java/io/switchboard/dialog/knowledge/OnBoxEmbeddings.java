package io.switchboard.dialog.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The quantised all-MiniLM-L6-v2 sentence model (384 dimensions, 23 MB of ONNX inside the jar), run in-process.
 * Loaded once per process, on first use (or at start through {@link #warmUp()}): a load that fails leaves the layer
 * off with one log line, and the conversation carries on with the rules and the LLM.
 */
public final class OnBoxEmbeddings implements SentenceEmbeddings {

    /** {@code off} turns the layer off; anything else (or unset) leaves it on. */
    public static final String SWITCH = "SWITCHBOARD_EMBEDDINGS";
    /** Where the model's native libraries are unpacked; default {@code <data dir>/native}. */
    public static final String CACHE_DIR = "SWITCHBOARD_NATIVE_CACHE_DIR";
    /** Longest text embedded: a turn is short; a pasted essay is cut rather than slowing the reply. */
    static final int MAX_CHARS = 400;

    private static final Logger LOG = LoggerFactory.getLogger(OnBoxEmbeddings.class);
    private static final OnBoxEmbeddings SHARED = new OnBoxEmbeddings();

    private volatile EmbeddingModel model;
    private volatile boolean failed;
    private volatile Duration loadTime;

    private OnBoxEmbeddings() {
    }

    /** The process's one model. */
    public static OnBoxEmbeddings shared() {
        return SHARED;
    }

    /**
     * Configures the process's model from its settings, before it first loads: switched off, it stays off for good;
     * otherwise the native libraries are pointed at the configured directory, or {@code dataDir/native}.
     */
    public static OnBoxEmbeddings configure(EmbeddingSettings settings, Path dataDir) {
        if (!settings.enabled()) {
            LOG.info("on-box embeddings off ({}=off)", SWITCH);
            SHARED.failed = true;
            return SHARED;
        }
        NativeLibraryCache.useDirectory(settings.nativeCacheDir(dataDir), settings.djlCacheDirSet());
        return SHARED;
    }

    @Override
    public boolean enabled() {
        return !failed;
    }

    /** Loads the model now (start-up), so the first caller does not wait for it. */
    public void warmUp() {
        loaded();
    }

    /** How long loading took, once loaded. */
    public Optional<Duration> loadTime() {
        return Optional.ofNullable(loadTime);
    }

    @Override
    public Optional<float[]> embed(String sentence) {
        if (sentence == null || sentence.isBlank()) {
            return Optional.empty();
        }
        EmbeddingModel m = loaded();
        if (m == null) {
            return Optional.empty();
        }
        String text = sentence.length() > MAX_CHARS ? sentence.substring(0, MAX_CHARS) : sentence;
        try {
            Embedding e = m.embed(text).content();
            return Optional.of(unit(e.vector()));
        } catch (RuntimeException e) {
            LOG.warn("embedding a turn failed: {}", e.getClass().getName()); // no text: it is the caller's words
            return Optional.empty();
        }
    }

    private EmbeddingModel loaded() {
        EmbeddingModel m = model;
        if (m != null || failed) {
            return m;
        }
        synchronized (this) {
            if (model == null && !failed) {
                long start = System.nanoTime();
                try {
                    if (!NativeLibraryCache.configured()) {
                        // not configured by the server (a test, a tool): keep the libraries out of the home dir
                        NativeLibraryCache.useDirectory(Path.of(System.getProperty("java.io.tmpdir"),
                                "switchboard-native"), false);
                    }
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    loadTime = Duration.ofNanos(System.nanoTime() - start);
                    LOG.info("on-box embedding model loaded in {} ms", loadTime.toMillis());
                } catch (RuntimeException | LinkageError e) {
                    failed = true;
                    LOG.error("on-box embedding model could not be loaded; the layer is off: {}", e.toString());
                }
            }
            return model;
        }
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }
}
