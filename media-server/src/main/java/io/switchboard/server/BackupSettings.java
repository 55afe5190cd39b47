package io.switchboard.server;

import io.switchboard.models.settings.SettingsException;
import io.switchboard.models.settings.SettingsFields;
import io.switchboard.models.settings.SettingsSource;

import io.switchboard.scheduling.database.BackupSchedule;
import io.switchboard.scheduling.database.Database;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Backups the server takes itself while running: {@code SWITCHBOARD_BACKUP_DIR} turns them on, every
 * {@code SWITCHBOARD_BACKUP_EVERY_HOURS} (default 24) hours, keeping the newest {@code SWITCHBOARD_BACKUP_KEEP}
 * (default 7).
 */
record BackupSettings(Path dir, Duration every, int keep) {

    static final String DIR = "SWITCHBOARD_BACKUP_DIR";
    static final String EVERY_HOURS = "SWITCHBOARD_BACKUP_EVERY_HOURS";
    static final String KEEP = "SWITCHBOARD_BACKUP_KEEP";

    /** @throws ConfigException naming every variable whose value is unusable */
    static Optional<BackupSettings> from(SettingsSource source) {
        String dir = source.getOrDefault(DIR, "").trim();
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        // Every key is read even after a bad one, so one start-up names all of them.
        SettingsFields fields = new SettingsFields();
        Path path = fields.read(DIR, null, () -> {
            try {
                return Path.of(dir);
            } catch (InvalidPathException e) {
                throw new ConfigException(DIR, "'" + dir + "' is not a directory name");
            }
        });
        int hours = fields.read(EVERY_HOURS, 24, () -> positive(source, EVERY_HOURS, 24));
        int keep = fields.read(KEEP, 7, () -> positive(source, KEEP, 7));
        try {
            fields.check();
        } catch (SettingsException e) {
            throw e instanceof ConfigException c ? c : new ConfigException(e);
        }
        return Optional.of(new BackupSettings(path, Duration.ofHours(hours), keep));
    }

    BackupSchedule schedule(Database database, Clock clock) {
        return new BackupSchedule(database, dir, every, keep, clock);
    }

    private static int positive(SettingsSource source, String variable, int fallback) {
        String value = source.getOrDefault(variable, "").trim();
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(variable, "'" + value + "' is not a whole number of 1 or more");
    }
}
