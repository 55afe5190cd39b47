package io.switchboard.media.stt;

import io.switchboard.models.settings.DataDir;
import io.switchboard.models.settings.SettingsException;
import io.switchboard.models.settings.SettingsFields;
import io.switchboard.models.settings.SettingsSource;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Speech-to-text configuration.
 *
 * @param engine           the engine to run
 * @param cacheRoot        directory for unpacked models and native libraries
 * @param poolSize         recognisers created at start-up (about the number of concurrent calls)
 * @param whisperModelPath the ggml model file; required for {@link SttEngine#WHISPER}; with {@link SttEngine#VOSK}
 *                         optional, and then Whisper is the second pass for names and addresses
 * @param workers          recognition worker threads shared by all calls (about the number of cores): at most this
 *                         many recognisers decode at once, finals first ({@link RecognitionWorkers})
 */
public record SttSettings(SttEngine engine, Path cacheRoot, int poolSize, Path whisperModelPath, int workers) {

    public static final String ENGINE = "SWITCHBOARD_STT_ENGINE";
    public static final String POOL = "SWITCHBOARD_STT_POOL";
    public static final String WORKERS = "SWITCHBOARD_STT_WORKERS";
    public static final String WHISPER_MODEL = "SWITCHBOARD_WHISPER_MODEL";

    /** Workers as many as the machine has cores. */
    public SttSettings(SttEngine engine, Path cacheRoot, int poolSize, Path whisperModelPath) {
        this(engine, cacheRoot, poolSize, whisperModelPath, defaultWorkers());
    }

    public SttSettings {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(cacheRoot, "cacheRoot");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("SWITCHBOARD_STT_WORKERS must be 1-256, was " + workers);
        }
        if (engine == SttEngine.WHISPER && whisperModelPath == null) {
            throw new IllegalArgumentException("the whisper engine needs a ggml model path (SWITCHBOARD_WHISPER_MODEL)");
        }
    }

    /**
     * Reads {@code SWITCHBOARD_STT_ENGINE} (vosk|whisper, default vosk), {@code SWITCHBOARD_STT_POOL} (default 4),
     * {@code SWITCHBOARD_WHISPER_MODEL} and {@code SWITCHBOARD_STT_WORKERS} (default: the number of cores); the cache
     * is under the data directory.
     *
     * @throws SettingsException naming every bad key at once, the engine and the model it needs among them
     */
    public static SttSettings from(SettingsSource source, DataDir dataDir) {
        SettingsFields fields = new SettingsFields();
        String engineName = source.getOrDefault(ENGINE, "vosk").trim();
        SttEngine engine = fields.read(ENGINE, SttEngine.VOSK, () -> engine(engineName));
        int pool = fields.read(POOL, 4, () -> whole(POOL, source.getOrDefault(POOL, "4").trim()));
        if (pool < 1) {
            fields.add(POOL, "must be at least 1, was " + pool);
        }
        String workersText = source.getOrDefault(WORKERS, "").trim();
        int workers = fields.read(WORKERS, defaultWorkers(),
                () -> workersText.isEmpty() ? defaultWorkers() : whole(WORKERS, workersText));
        if (workers < 1 || workers > 256) {
            fields.add(WORKERS, "must be 1-256, was " + workers);
        }
        Path whisper = fields.read(WHISPER_MODEL, null,
                () -> source.value(WHISPER_MODEL).map(Path::of).orElse(null));
        if (engine == SttEngine.WHISPER && whisper == null) {
            fields.add(WHISPER_MODEL, "the whisper engine needs a ggml model path");
        }
        fields.check();
        return new SttSettings(engine, cacheRoot(dataDir), pool, whisper, workers);
    }

    private static SttEngine engine(String name) {
        try {
            return SttEngine.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(ENGINE, "must be vosk or whisper, was '" + name + "'");
        }
    }

    private static int whole(String key, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SettingsException(key, "must be a number, was '" + text + "'");
        }
    }

    /** One recognition worker per core. */
    public static int defaultWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Unpacked models and native libraries: {@code cache} under the data directory. */
    public static Path cacheRoot(DataDir dataDir) {
        return dataDir.resolve("cache");
    }
}
