package io.switchboard.server;

import io.switchboard.models.settings.SettingsSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupSettingsTest {

    @TempDir
    Path dir;

    @Test
    void offUnlessADirectoryIsGivenThenDailyKeepingAWeek() {
        assertThat(BackupSettings.from(SettingsSource.of(Map.of()))).isEmpty();
        assertThat(BackupSettings.from(SettingsSource.of(Map.of(BackupSettings.DIR, "/var/backups/switchboard"))))
                .contains(new BackupSettings(Path.of("/var/backups/switchboard"), Duration.ofHours(24), 7));
        assertThat(BackupSettings.from(SettingsSource.of(Map.of(BackupSettings.DIR, "b", BackupSettings.EVERY_HOURS, "6",
                BackupSettings.KEEP, "28")))).contains(new BackupSettings(Path.of("b"), Duration.ofHours(6), 28));
    }

    @Test
    void badNumbersNameTheVariable() {
        assertThatThrownBy(() -> BackupSettings.from(SettingsSource.of(Map.of(BackupSettings.DIR, "b",
                BackupSettings.EVERY_HOURS, "daily")))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(BackupSettings.EVERY_HOURS);
        assertThatThrownBy(() -> BackupSettings.from(SettingsSource.of(Map.of(BackupSettings.DIR, "b",
                BackupSettings.KEEP, "0")))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(BackupSettings.KEEP);
    }

    @Test
    void theRunningServerBacksUpItsEmbeddedDatabaseWithoutStopping() throws Exception {
        Path backups = dir.resolve("backups");
        Settings config = Settings.load(Map.of("SWITCHBOARD_NOW", "2026-11-23T09:00",
                "SWITCHBOARD_DATA_DIR", dir.resolve("data").toString(), BackupSettings.DIR, backups.toString()));
        try (Switchboard switchboard = Switchboard.open(config)) {
            var schedule = switchboard.startBackups();
            assertThat(schedule).isPresent();
            Path file = schedule.get().runOnce();
            assertThat(file).isRegularFile().hasParent(backups);
            assertThat(Files.size(file)).isPositive();
        }
        try (Switchboard off = Switchboard.open(Settings.load(Map.of(
                "SWITCHBOARD_DATA_DIR", dir.resolve("data").toString())))) {
            assertThat(off.startBackups()).isEqualTo(Optional.empty());
        }
    }
}
