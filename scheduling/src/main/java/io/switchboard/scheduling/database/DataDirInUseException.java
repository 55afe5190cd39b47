package io.switchboard.scheduling.database;

import java.nio.file.Path;

/**
 * The embedded database's data directory is held by a running Switchboard (its {@value DataDirLock#FILE} is locked),
 * so this process cannot open it. An expected situation with a one-line message, not a failure with a stack trace.
 */
public final class DataDirInUseException extends IllegalStateException {

    private final Path dir;

    DataDirInUseException(Path dir, String message) {
        super(message);
        this.dir = dir;
    }

    /** The data directory that is in use. */
    public Path dir() {
        return dir;
    }
}
