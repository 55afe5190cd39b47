package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.simulator.ScriptResult;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookingAuditTest {

    private static final String A = "+447700910001";
    private static final String B = "+447700910002";
    private static final ScriptResult FINISHED = new ScriptResult(120, List.of(
            new ScriptResult.Turn("no thank you", 80, 310.0)), null);

    private static BookedAppointment at(String phone, String start, String end, String status) {
        return new BookedAppointment(phone + start, "general-repair", OffsetDateTime.parse(start),
                OffsetDateTime.parse(end), status, "John Smith", phone, "voice");
    }

    @Test
    void aCompletedCallWithItsOwnSlotIsRight() {
        BookingAudit audit = new BookingAudit(java.time.ZoneOffset.UTC, List.of(
                at(A, "2026-11-24T08:00:00Z", "2026-11-24T09:00:00Z", "booked"),
                at(B, "2026-11-24T09:30:00Z", "2026-11-24T10:30:00Z", "booked")));

        assertThat(audit.rightBooking(new CallOutcome(A, FINISHED, 1000, 0, null))).isTrue();
        assertThat(audit.doubleBookings()).isZero();
    }

    @Test
    void aBookingInAnotherSlotThanTheCallerAskedForIsNotRight() {
        BookingAudit audit = new BookingAudit(java.time.ZoneId.of("Europe/London"), List.of(
                at(A, "2026-11-24T14:00:00Z", "2026-11-24T15:00:00Z", "booked")));
        SlotPlan.Slot two = new SlotPlan.Slot("tomorrow", java.time.LocalDateTime.parse("2026-11-24T14:00"));
        SlotPlan.Slot ten = new SlotPlan.Slot("tomorrow", java.time.LocalDateTime.parse("2026-11-24T10:00"));

        assertThat(audit.rightBooking(new CallOutcome(A, FINISHED, 1000, 0, two))).isTrue();
        assertThat(audit.rightBooking(new CallOutcome(A, FINISHED, 1000, 0, ten))).as("misheard hour").isFalse();
    }

    @Test
    void anUnfinishedConversationOrNoBookingIsNotRight() {
        BookingAudit audit = new BookingAudit(java.time.ZoneOffset.UTC, List.of(at(A, "2026-11-24T08:00:00Z", "2026-11-24T09:00:00Z", "booked"),
                at(B, "2026-11-24T10:00:00Z", "2026-11-24T11:00:00Z", "cancelled")));

        assertThat(audit.rightBooking(new CallOutcome(A, FINISHED, -1, 0, null))).as("connection broke").isFalse();
        assertThat(audit.rightBooking(new CallOutcome(A, new ScriptResult(120, List.of(), "no reply"), 1000, 0,
                null)))
                .isFalse();
        assertThat(audit.rightBooking(new CallOutcome(B, FINISHED, 1000, 0, null))).as("only a cancelled one").isFalse();
    }

    @Test
    void overlappingAppointmentsAreDoubleBookingsAndNeitherCallIsRight() {
        BookingAudit audit = new BookingAudit(java.time.ZoneOffset.UTC, List.of(
                at(A, "2026-11-24T08:00:00Z", "2026-11-24T09:00:00Z", "booked"),
                at(B, "2026-11-24T08:30:00Z", "2026-11-24T09:30:00Z", "booked"),
                at("+447700910003", "2026-11-24T09:30:00Z", "2026-11-24T10:30:00Z", "booked")));

        assertThat(audit.doubleBookings()).isEqualTo(1);
        assertThat(audit.rightBooking(new CallOutcome(A, FINISHED, 1000, 0, null))).isFalse();
        assertThat(audit.rightBooking(new CallOutcome(B, FINISHED, 1000, 0, null))).isFalse();
    }

    @Test
    void twoBookingsForOneCallerOrAWrongNameAreNotRight() {
        BookedAppointment wrongName = new BookedAppointment("x", "general-repair",
                OffsetDateTime.parse("2026-11-25T08:00:00Z"), OffsetDateTime.parse("2026-11-25T09:00:00Z"), "booked",
                "Jon Smythe", B, "voice");
        BookingAudit audit = new BookingAudit(java.time.ZoneOffset.UTC, List.of(
                at(A, "2026-11-24T08:00:00Z", "2026-11-24T09:00:00Z", "booked"),
                at(A, "2026-11-24T12:00:00Z", "2026-11-24T13:00:00Z", "booked"), wrongName));

        assertThat(audit.rightBooking(new CallOutcome(A, FINISHED, 1000, 0, null))).isFalse();
        assertThat(audit.rightBooking(new CallOutcome(B, FINISHED, 1000, 0, null))).isFalse();
    }

    @Test
    void theApiAnswerIsRead() throws IOException {
        String body = """
                {"from":"2026-11-24","to":"2026-11-24","appointments":[{"id":"7f0c","service":"general-repair",
                "service_name":"General repair","start":"2026-11-24T08:00:00+00:00","end":"2026-11-24T09:00:00+00:00",
                "status":"booked","customer":{"name":"John Smith","phone":"+447700910001"},
                "address":"100 High Street, Bristol","problem":null,"emergency":false,"channel":"voice"}]}""";

        assertThat(AppointmentsClient.parse(body)).singleElement().satisfies(a -> {
            assertThat(a.phone()).isEqualTo("+447700910001");
            assertThat(a.start()).isEqualTo(OffsetDateTime.parse("2026-11-24T08:00:00Z"));
            assertThat(a.holdsSlot()).isTrue();
            assertThat(a.channel()).isEqualTo("voice");
        });
    }

    @Test
    void theServersTurnLinesAreRead() {
        String line = "19:46:54.079 INFO  i.s.m.c.CallSpeaker - turn call=…000b01 n=3 via=speech quiet=600 stt=42"
                + " dialog=7 tts=85 total=140 ms";

        assertThat(ServerTurnLog.parse(line)).hasValueSatisfying(t -> {
            assertThat(t.spoken()).isTrue();
            assertThat(t.stt()).isEqualTo(42);
            assertThat(t.tts()).isEqualTo(85);
            assertThat(t.total()).isEqualTo(140);
        });
        assertThat(ServerTurnLog.parse("turn call=x n=1 via=greeting quiet=0 stt=- dialog=6 tts=0 total=7 ms"))
                .hasValueSatisfying(t -> {
                    assertThat(t.spoken()).isFalse();
                    assertThat(t.stt()).isNaN();
                });
        assertThat(ServerTurnLog.parse("call …000b01: started")).isEmpty();
    }

    @Test
    void slotRacesAreCountedFromWhereTheLevelStarted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path file = dir.resolve("server.log");
        String race = "19:55:27.545 INFO  i.s.s.b.BookingService - slot taken for general-repair at 2026-11-24T09:30Z;"
                + " offering 3 alternatives\n";
        java.nio.file.Files.writeString(file, race);
        ServerTurnLog log = new ServerTurnLog(file);
        long levelStart = log.end();
        java.nio.file.Files.writeString(file, race + "turn call=x n=2 via=speech quiet=560 stt=30 dialog=2 tts=0"
                + " total=32 ms\n" + race, java.nio.file.StandardOpenOption.APPEND);

        assertThat(log.slotsTakenSince(levelStart)).isEqualTo(2);
        assertThat(log.since(levelStart)).singleElement().satisfies(t -> assertThat(t.total()).isEqualTo(32));
    }
}
