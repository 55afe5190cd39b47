package io.switchboard.scheduling.database;

import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestDatabase;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupScheduleTest {

    @TempDir
    Path dir;

    private final SchedulingFixture fx = new SchedulingFixture(TestProfiles.sample(), LocalDateTime.of(2026, 11, 23, 7, 0));

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void keepsTheNewestBackupsNamedByTheClockAndLeavesOtherFilesAlone() throws IOException {
        Path unrelated = Files.writeString(dir.resolve("notes.txt"), "mine");
        BackupSchedule schedule = new BackupSchedule(fx.database(), dir, Duration.ofHours(24), 2, fx.clock());

        Path first = schedule.runOnce();
        fx.clock().advance(Duration.ofDays(1));
        assertThat(fx.scheduling().bookings().book(fx.request("general-repair",
                LocalDate.of(2026, 11, 25).atTime(10, 0), "+447700900123"))).isInstanceOf(BookingResult.Success.class);
        Path second = schedule.runOnce();
        fx.clock().advance(Duration.ofDays(1));
        Path third = schedule.runOnce();

        assertThat(first.getFileName().toString()).isEqualTo("switchboard-20261123T070000Z.backup");
        assertThat(third.getFileName().toString()).isEqualTo("switchboard-20261125T070000Z.backup");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "notes.txt", second.getFileName().toString(), third.getFileName().toString());
        }
        assertThat(unrelated).hasContent("mine");

        try (Database restored = TestDatabase.freshSchema()) {
            assertThat(DatabaseBackup.restore(restored, third).rows()).containsEntry("appointment", 1L);
        }
    }

    @Test
    void aScheduleTooTightOrKeepingNothingIsRefused() {
        assertThatThrownBy(() -> new BackupSchedule(fx.database(), dir, Duration.ofSeconds(5), 3, fx.clock()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackupSchedule(fx.database(), dir, Duration.ofHours(1), 0, fx.clock()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
