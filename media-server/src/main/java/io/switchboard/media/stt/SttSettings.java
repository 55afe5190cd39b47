package io.switchboard.media.stt;

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
     * {@code SWITCHBOARD_WHISPER_MODEL}, {@code SWITCHBOARD_DATA_DIR} (default ./data; cache under it) and
     * {@code SWITCHBOARD_STT_WORKERS} (default: the number of cores).
     */
    public static SttSettings from(SettingsSource source) {
        String engineName = source.getOrDefault("SWITCHBOARD_STT_ENGINE", "vosk").trim();
        SttEngine engine;
        try {
            engine = SttEngine.valueOf(engineName.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SWITCHBOARD_STT_ENGINE must be vosk or whisper, was '" + engineName + "'");
        }
        int pool;
        String poolText = source.getOrDefault("SWITCHBOARD_STT_POOL", "4").trim();
        try {
            pool = Integer.parseInt(poolText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SWITCHBOARD_STT_POOL must be a number, was '" + poolText + "'");
        }
        String whisper = source.get("SWITCHBOARD_WHISPER_MODEL");
        String workersText = source.getOrDefault("SWITCHBOARD_STT_WORKERS", "").trim();
        int workers;
        try {
            workers = workersText.isEmpty() ? defaultWorkers() : Integer.parseInt(workersText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SWITCHBOARD_STT_WORKERS must be a number, was '" + workersText + "'");
        }
        return new SttSettings(engine, cacheRootFrom(source), pool,
                whisper == null || whisper.isBlank() ? null : Path.of(whisper.trim()), workers);
    }

    /** One recognition worker per core. */
    public static int defaultWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** {@code ${SWITCHBOARD_DATA_DIR:-./data}/cache}. */
    public static Path cacheRootFrom(SettingsSource source) {
        String dataDir = source.getOrDefault("SWITCHBOARD_DATA_DIR", "");
        return Path.of(dataDir.isBlank() ? "./data" : dataDir.trim()).resolve("cache");
    }
}
