package io.switchboard.server;

import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.database.DatabaseBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code backup} and {@code restore} as a user runs them: embedded database, one data directory each. */
class BackupCommandTest {

    @TempDir
    Path dir;

    @Test
    void aBookingBackedUpFromOneDataDirIsThereAfterRestoringIntoAFreshOne() {
        Settings original = config(dir.resolve("original"));
        Appointment booked;
        try (Switchboard switchboard = Switchboard.open(original)) {
            var scheduling = switchboard.scheduling();
            BookingResult result = scheduling.bookings().book(new BookingRequest(null, "general-repair",
                    LocalDateTime.of(2026, 11, 24, 10, 0).atZone(scheduling.profile().timezone()), "+447700900123",
                    "Ada Lovelace", "1 Test Street, Bristol BS1 4DJ", "leaking tap", false,
                    new Actor(Channel.SMS, "test")));
            assertThat(result).isInstanceOf(BookingResult.Success.class);
            // As stored (PostgreSQL keeps microseconds), to compare with what the restored database returns.
            booked = scheduling.appointments().find(((BookingResult.Success) result).appointment().id()).orElseThrow();
        }
        Path file = dir.resolve("switchboard.backup");

        String backedUp = run(out -> Main.backup(original.server(), file, out));
        assertThat(backedUp).startsWith("Backed up ").contains("1 appointments").contains(file.toString());

        Settings fresh = config(dir.resolve("fresh"));
        String restored = run(out -> Main.restore(fresh.server(), file, out));
        assertThat(restored).startsWith("Restored ").contains("1 appointments");

        try (Switchboard switchboard = Switchboard.open(fresh)) {
            assertThat(switchboard.scheduling().appointments().find(booked.id())).contains(booked);
        }
        assertThatThrownBy(() -> Main.restore(fresh.server(), file, new PrintStream(new ByteArrayOutputStream())))
                .isInstanceOf(DatabaseBackup.BackupException.class).hasMessageContaining("empty database");
    }

    private static Settings config(Path dataDir) {
        return Settings.load(Map.of("SWITCHBOARD_NOW", "2026-11-23T09:00",
                "SWITCHBOARD_DATA_DIR", dataDir.toString()));
    }

    private static String run(java.util.function.Consumer<PrintStream> command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            command.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
