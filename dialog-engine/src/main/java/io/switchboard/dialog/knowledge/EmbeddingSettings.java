package io.switchboard.dialog.knowledge;

import io.switchboard.models.settings.SettingsFields;
import io.switchboard.models.settings.SettingsSource;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The on-box embedding model's settings: {@value OnBoxEmbeddings#SWITCH}{@code =off} turns the knowledge layer off;
 * {@value OnBoxEmbeddings#CACHE_DIR} is where its native libraries are unpacked (default {@code <data dir>/native}).
 *
 * @param enabled         false when switched off
 * @param nativeCacheDir  the configured directory, or empty for the data dir's {@code native}
 * @param djlCacheDirSet  whether the operator set DJL's own {@code DJL_CACHE_DIR}, which is then left alone
 */
public record EmbeddingSettings(boolean enabled, Optional<Path> nativeCacheDir, boolean djlCacheDirSet) {

    /** DJL reads this variable itself; the server only needs to know whether it is set. */
    static final String DJL_CACHE_DIR = NativeLibraryCache.DJL_CACHE;

    public static EmbeddingSettings defaults() {
        return new EmbeddingSettings(true, Optional.empty(), false);
    }

    /** @throws IllegalArgumentException naming the variable when the switch or the path is unusable */
    public static EmbeddingSettings from(SettingsSource source) {
        // Both keys are read even when the first is bad, so one start-up names both.
        SettingsFields fields = new SettingsFields();
        String onOff = source.getOrDefault(OnBoxEmbeddings.SWITCH, "").strip();
        boolean enabled = fields.read(OnBoxEmbeddings.SWITCH, true,
                () -> switch (onOff.toLowerCase(java.util.Locale.ROOT)) {
            case "", "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(OnBoxEmbeddings.SWITCH + " must be on or off, was '"
                    + onOff + "'");
        });
        Optional<Path> dir = fields.read(OnBoxEmbeddings.CACHE_DIR, Optional.empty(), () -> {
            try {
                return source.value(OnBoxEmbeddings.CACHE_DIR).map(Path::of);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(OnBoxEmbeddings.CACHE_DIR + " is not a usable path");
            }
        });
        fields.check();
        return new EmbeddingSettings(enabled, dir, source.isSet(DJL_CACHE_DIR));
    }

    /** Where the native libraries go: the configured directory, else {@code dataDir/native}. */
    public Path nativeCacheDir(Path dataDir) {
        return nativeCacheDir.orElseGet(() -> dataDir.resolve("native"));
    }
}
