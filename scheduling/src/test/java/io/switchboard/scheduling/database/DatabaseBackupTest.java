package io.switchboard.scheduling.database;

import io.switchboard.models.Appointment;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestDatabase;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseBackupTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    private final SchedulingFixture source = new SchedulingFixture(TestProfiles.sample(), LocalDateTime.of(2026, 11, 23, 7, 0));
    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void close() {
        source.close();
        opened.forEach(Database::close);
    }

    @Test
    void aRestoredDatabaseHasTheBookingsHistoryAndRulesOfTheOriginal() {
        Appointment kept = booked(source.scheduling().bookings().book(
                source.request("general-repair", TUESDAY.atTime(10, 0), "+447700900123")));
        Appointment moved = booked(source.scheduling().bookings().book(
                source.request("general-repair", TUESDAY.atTime(13, 0), "+447700900456")));
        booked(source.scheduling().bookings().reschedule(moved.id(), source.at(TUESDAY.atTime(15, 0)),
                SchedulingFixture.TEST_ACTOR));
        Path file = dir.resolve("switchboard.backup");

        DatabaseBackup.Summary written = DatabaseBackup.write(source.database(), file, source.clock());
        assertThat(written.rows()).containsEntry("appointment", 2L).containsEntry("customer", 2L)
                .containsEntry("audit_log", 3L).containsEntry("calendar_outbox", 3L);
        List<String> order = List.copyOf(written.rows().keySet());
        assertThat(order.indexOf("customer")).as("customers load before the appointments that refer to them")
                .isLessThan(order.indexOf("appointment"));

        Database target = open(TestDatabase.freshSchema());
        DatabaseBackup.Summary restored = DatabaseBackup.restore(target, file);
        assertThat(restored).isEqualTo(written);

        Scheduling copy = Scheduling.create(source.scheduling().profile(), source.clock(), target);
        assertThat(copy.appointments().find(kept.id()))
                .isEqualTo(source.scheduling().appointments().find(kept.id()));
        assertThat(copy.appointments().find(moved.id()).orElseThrow().slot().start().toInstant())
                .isEqualTo(source.at(TUESDAY.atTime(15, 0)).toInstant());
        assertThat(copy.audit().forAppointment(moved.id())).hasSize(2);
        // The database still refuses a double booking of a restored slot, and new rows get fresh ids.
        assertThat(copy.bookings().book(source.request("general-repair", TUESDAY.atTime(10, 0), "+447700900789")))
                .isInstanceOf(BookingResult.SlotTaken.class);
        booked(copy.bookings().book(source.request("general-repair", TUESDAY.atTime(8, 0), "+447700900789")));
        assertThat(copy.calendarOutbox().pending(10)).extracting(c -> c.id()).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void restoreRefusesADatabaseThatAlreadyHasRowsAndChangesNothing() {
        booked(source.scheduling().bookings().book(source.request("general-repair", TUESDAY.atTime(10, 0), "+447700900123")));
        Path file = dir.resolve("b.backup");
        DatabaseBackup.write(source.database(), file, source.clock());

        assertThatThrownBy(() -> DatabaseBackup.restore(source.database(), file))
                .isInstanceOf(DatabaseBackup.BackupException.class).hasMessageContaining("empty database");
        assertThat(source.count("select count(*) from appointment")).isEqualTo(1);
        assertThat(source.count("select count(*) from customer")).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotABackupOrOfAnotherSchemaVersionIsRefused() throws IOException {
        Database target = open(TestDatabase.freshSchema());
        Path junk = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> DatabaseBackup.restore(target, junk))
                .isInstanceOf(DatabaseBackup.BackupException.class).hasMessageContaining("Switchboard backup");

        Path file = dir.resolve("old.backup");
        DatabaseBackup.write(source.database(), file, source.clock());
        Path older = withManifestVersion(file, dir.resolve("older.backup"), "0.9");
        assertThatThrownBy(() -> DatabaseBackup.restore(target, older))
                .isInstanceOf(DatabaseBackup.BackupException.class).hasMessageContaining("schema version 0.9");
        assertThat(dir).isDirectoryNotContaining("glob:**.partial");
    }

    private static Path withManifestVersion(Path from, Path to, String version) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(DatabaseBackup.MANIFEST)) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replaceAll("schema_version=.*", "schema_version=" + version)
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return to;
    }

    private Database open(Database db) {
        opened.add(db);
        return db;
    }

    private static Appointment booked(BookingResult r) {
        assertThat(r).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) r).appointment();
    }
}
