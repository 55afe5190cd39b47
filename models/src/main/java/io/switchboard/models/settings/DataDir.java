package io.switchboard.models.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The server's own directory ({@code SWITCHBOARD_DATA_DIR}, default {@code ./data}): the embedded database, the model
 * cache, the inbound spool and the generated admin token live under it. Read once by the settings tree and handed to
 * every part that keeps files there, so they can never disagree about where that is.
 *
 * @param path the directory as configured, not resolved against the working directory
 */
public record DataDir(Path path) {

    public static final String VARIABLE = "SWITCHBOARD_DATA_DIR";
    /** {@code ./data}, written {@code data} so paths under it read the way they always did. */
    public static final DataDir DEFAULT = new DataDir(Path.of("data"));

    public DataDir {
        Objects.requireNonNull(path, "path");
    }

    /** @throws SettingsException when the value is not a usable path */
    public static DataDir from(SettingsSource source) {
        String value = source.value(VARIABLE).orElse(null);
        if (value == null) {
            return DEFAULT;
        }
        try {
            return new DataDir(Path.of(value));
        } catch (InvalidPathException e) {
            throw new SettingsException(VARIABLE, "'" + value + "' is not a usable path");
        }
    }

    /** {@code name} under this directory. */
    public Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
