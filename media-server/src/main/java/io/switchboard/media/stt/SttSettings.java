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
 */
public record SttSettings(SttEngine engine, Path cacheRoot, int poolSize, Path whisperModelPath) {

    public SttSettings {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(cacheRoot, "cacheRoot");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        if (engine == SttEngine.WHISPER && whisperModelPath == null) {
            throw new IllegalArgumentException("the whisper engine needs a ggml model path (SWITCHBOARD_WHISPER_MODEL)");
        }
    }

    /**
     * Reads {@code SWITCHBOARD_STT_ENGINE} (vosk|whisper, default vosk), {@code SWITCHBOARD_STT_POOL} (default 4),
     * {@code SWITCHBOARD_WHISPER_MODEL} and {@code SWITCHBOARD_DATA_DIR} (default ./data; cache under it).
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
        return new SttSettings(engine, cacheRootFrom(source), pool,
                whisper == null || whisper.isBlank() ? null : Path.of(whisper.trim()));
    }

    /** {@code ${SWITCHBOARD_DATA_DIR:-./data}/cache}. */
    public static Path cacheRootFrom(SettingsSource source) {
        String dataDir = source.getOrDefault("SWITCHBOARD_DATA_DIR", "");
        return Path.of(dataDir.isBlank() ? "./data" : dataDir.trim()).resolve("cache");
    }
}
