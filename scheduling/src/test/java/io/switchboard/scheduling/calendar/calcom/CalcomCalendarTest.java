package io.switchboard.scheduling.calendar.calcom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.audit.AuditEntry;
import io.switchboard.scheduling.availability.SlotQuery;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.calendar.CalendarOutbox;
import io.switchboard.scheduling.testing.FakeCalcom;
import io.switchboard.scheduling.testing.SchedulingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static io.switchboard.scheduling.calendar.calcom.CalcomStand.DRAINS;
import static io.switchboard.scheduling.calendar.calcom.CalcomStand.SECRET;
import static io.switchboard.scheduling.calendar.calcom.CalcomStand.TUESDAY;
import static io.switchboard.scheduling.calendar.calcom.CalcomStand.success;
import static org.assertj.core.api.Assertions.assertThat;

/** Cal.com behind the booking seam, against a loopback fake of the v2 endpoints. */
class CalcomCalendarTest {

    private final CalcomStand stand = new CalcomStand();
    private final SchedulingFixture fx = stand.fx;
    private final FakeCalcom cal = stand.cal;
    private final CalcomBookings uids = stand.uids;
    private final CalcomCalendar calcom = stand.calcom;
    private final Scheduling scheduling = stand.scheduling;
    private final CalcomWebhook webhook = stand.webhook;
    private final List<Appointment> cancelledInCalcom = stand.cancelledInCalcom;
    private final List<Appointment> movedInCalcom = stand.movedInCalcom;

    @AfterEach
    void close() {
        stand.close();
    }

    @Test
    void offersOnlyStartsThatCalcomAndOurRulesBothAllow() {
        cal.offer(DRAINS, at(7, 0), at(9, 0), at(14, 0)); // 07:00 is before opening

        List<TimeSlot> slots = scheduling.availability().findSlots(SlotQuery.on("drain-cleaning", TUESDAY, 20));

        assertThat(slots).extracting(s -> s.start().toInstant()).containsExactly(at(9, 0), at(14, 0));
        assertThat(scheduling.availability().openRanges("drain-cleaning", TUESDAY))
                .extracting(r -> r.start().toInstant(), r -> r.end().toInstant())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(at(9, 0), at(10, 30)),
                        org.assertj.core.groups.Tuple.tuple(at(14, 0), at(15, 30)));
    }

    @Test
    void booksMovesAndCancelsThroughCalcom() {
        cal.offer(DRAINS, at(9, 0), at(14, 0));

        Appointment booked = success(scheduling.bookings().book(request(LocalTime.of(14, 0), "07700 900123")));
        ObjectNode there = only(cal.accepted());
        assertThat(there.path("start").asText()).isEqualTo(at(14, 0).toString());
        assertThat(there.path("metadata").path(CalcomApi.APPOINTMENT_KEY).asText()).isEqualTo(booked.id().toString());
        assertThat(there.path("attendee").path("phoneNumber").asText()).isEqualTo("+447700900123");
        assertThat(uids.uidOf(booked.id())).contains(there.path("uid").asText());

        Appointment moved = success(scheduling.bookings().reschedule(booked.id(), fx.at(TUESDAY.atTime(9, 0)),
                SchedulingFixture.TEST_ACTOR));
        assertThat(moved.slot().start().toInstant()).isEqualTo(at(9, 0));
        ObjectNode movedThere = only(cal.accepted());
        assertThat(movedThere.path("start").asText()).isEqualTo(at(9, 0).toString());
        assertThat(uids.uidOf(booked.id())).contains(movedThere.path("uid").asText());

        success(scheduling.bookings().cancel(booked.id(), SchedulingFixture.TEST_ACTOR));
        CalendarOutbox.DrainResult drained = scheduling.calendarOutbox().drain(calcom.cancelSink(), 10);
        assertThat(drained.stoppedOnFailure()).isFalse();
        assertThat(cal.accepted()).isEmpty();
        assertThat(cal.requests()).contains("POST /v2/bookings/" + movedThere.path("uid").asText() + "/cancel");
    }

    @Test
    void aSlotCalcomJustGaveAwayIsSlotTakenWithAlternatives() {
        cal.offer(DRAINS, at(9, 0), at(14, 0));
        cal.bookElsewhere(DRAINS, at(14, 0)); // taken in Cal.com after the caller heard the offer

        BookingResult result = scheduling.bookings().book(request(LocalTime.of(14, 0), "07700 900123"));

        assertThat(result).isInstanceOf(BookingResult.SlotTaken.class);
        assertThat(((BookingResult.SlotTaken) result).alternatives()).extracting(s -> s.start().toInstant())
                .containsExactly(at(9, 0));
        assertThat(fx.count("select count(*) from appointment")).isZero();
    }

    @Test
    void whenOurTransactionFailsAfterCalcomBookedTheCalcomBookingIsCancelled() {
        cal.offer(DRAINS, at(9, 0), at(14, 0));
        // Booked here without Cal.com (before it was switched on): Cal.com still offers 14:00, the database does not.
        success(fx.scheduling().bookings().book(request(LocalTime.of(14, 0), "07700 900111")));

        BookingResult result = scheduling.bookings().book(request(LocalTime.of(14, 0), "07700 900123"));

        assertThat(result).isInstanceOf(BookingResult.SlotTaken.class);
        assertThat(cal.bookings()).hasSize(1);
        assertThat(cal.accepted()).as("the Cal.com booking of the failed transaction is cancelled").isEmpty();
        assertThat(fx.count("select count(*) from calcom_booking")).isZero();
        assertThat(fx.count("select count(*) from appointment")).isEqualTo(1);
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundByMetadataInsteadOfBookedTwice() {
        cal.offer(DRAINS, at(9, 0), at(14, 0));
        cal.loseNextCreateAnswers(1);

        Appointment booked = success(scheduling.bookings().book(request(LocalTime.of(14, 0), "07700 900123")));

        assertThat(cal.bookings()).as("one booking in Cal.com").hasSize(1);
        assertThat(cal.requests()).containsSubsequence("POST /v2/bookings", "GET /v2/bookings");
        assertThat(cal.requests()).filteredOn("POST /v2/bookings"::equals).hasSize(1);
        assertThat(uids.uidOf(booked.id())).contains(only(cal.accepted()).path("uid").asText());
    }

    @Test
    void aSignedCancellationFromCalcomCancelsTheBookingAsDoneViaCalcom() {
        cal.offer(DRAINS, at(14, 0));
        Appointment booked = success(scheduling.bookings().book(request(LocalTime.of(14, 0), "07700 900123")));
        String uid = uids.uidOf(booked.id()).orElseThrow();
        cal.cancelInCalcom(uid);
        byte[] body = ("{\"triggerEvent\":\"BOOKING_CANCELLED\",\"createdAt\":\"2026-11-23T07:05:00Z\","
                + "\"payload\":{\"uid\":\"" + uid + "\",\"metadata\":{\"" + CalcomApi.APPOINTMENT_KEY + "\":\""
                + booked.id() + "\"}}}").getBytes(StandardCharsets.UTF_8);

        CalcomWebhook.Outcome outcome = webhook.handle(body, new CalcomSignature(SECRET).sign(body));

        assertThat(outcome).isEqualTo(new CalcomWebhook.Outcome.Applied(booked.id(), "BOOKING_CANCELLED"));
        assertThat(scheduling.appointments().find(booked.id()).orElseThrow().status())
                .isEqualTo(AppointmentStatus.CANCELLED);
        AuditEntry last = scheduling.audit().forAppointment(booked.id()).getLast();
        assertThat(last.action()).isEqualTo("CANCELLED");
        assertThat(last.actor()).isEqualTo(CalcomWebhook.VIA_CALCOM);
        assertThat(cancelledInCalcom).extracting(Appointment::id).containsExactly(booked.id());
        // The outbox's cancel meets a booking Cal.com already cancelled: done, not a failure.
        assertThat(scheduling.calendarOutbox().drain(calcom.cancelSink(), 10).stoppedOnFailure()).isFalse();
        // Cal.com redelivers: nothing more happens.
        assertThat(webhook.handle(body, new CalcomSignature(SECRET).sign(body)))
                .isInstanceOf(CalcomWebhook.Outcome.Ignored.class);
        assertThat(cancelledInCalcom).hasSize(1);
    }

    @Test
    void aMoveMadeInCalcomMovesTheBookingAndRemembersTheNewUid() {
        cal.offer(DRAINS, at(9, 0), at(14, 0));
        Appointment booked = success(scheduling.bookings().book(request(LocalTime.of(14, 0), "07700 900123")));
        String oldUid = uids.uidOf(booked.id()).orElseThrow();
        String newUid = cal.rescheduleInCalcom(oldUid, at(9, 0));
        byte[] body = ("{\"triggerEvent\":\"BOOKING_RESCHEDULED\",\"payload\":{\"uid\":\"" + newUid
                + "\",\"rescheduleUid\":\"" + oldUid + "\",\"startTime\":\"" + at(9, 0) + "\",\"endTime\":\""
                + at(10, 30) + "\"}}").getBytes(StandardCharsets.UTF_8);

        CalcomWebhook.Outcome outcome = webhook.handle(body, new CalcomSignature(SECRET).sign(body));

        assertThat(outcome).isEqualTo(new CalcomWebhook.Outcome.Applied(booked.id(), "BOOKING_RESCHEDULED"));
        assertThat(scheduling.appointments().find(booked.id()).orElseThrow().slot().start().toInstant())
                .isEqualTo(at(9, 0));
        assertThat(uids.uidOf(booked.id())).contains(newUid);
        assertThat(scheduling.audit().forAppointment(booked.id()).getLast().actor()).isEqualTo(CalcomWebhook.VIA_CALCOM);
        assertThat(movedInCalcom).hasSize(1);
        assertThat(cal.requests()).as("a change made in Cal.com is not sent back to it")
                .doesNotContain("POST /v2/bookings/" + newUid + "/reschedule");
    }

    @Test
    void aForgedOrMalformedWebhookChangesNothing() {
        cal.offer(DRAINS, at(14, 0));
        Appointment booked = success(scheduling.bookings().book(request(LocalTime.of(14, 0), "07700 900123")));
        String uid = uids.uidOf(booked.id()).orElseThrow();
        byte[] body = ("{\"triggerEvent\":\"BOOKING_CANCELLED\",\"payload\":{\"uid\":\"" + uid + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        int audits = scheduling.audit().forAppointment(booked.id()).size();

        assertThat(webhook.handle(body, new CalcomSignature("not-the-secret").sign(body)))
                .isInstanceOf(CalcomWebhook.Outcome.Forged.class);
        assertThat(webhook.handle(body, null)).isInstanceOf(CalcomWebhook.Outcome.Forged.class);
        assertThat(webhook.handle(body, "zz-not-hex")).isInstanceOf(CalcomWebhook.Outcome.Forged.class);
        byte[] junk = "{\"payload\":".getBytes(StandardCharsets.UTF_8);
        assertThat(webhook.handle(junk, new CalcomSignature(SECRET).sign(junk)))
                .isInstanceOf(CalcomWebhook.Outcome.Malformed.class);

        assertThat(scheduling.appointments().find(booked.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(scheduling.audit().forAppointment(booked.id())).hasSize(audits);
        assertThat(cancelledInCalcom).isEmpty();
    }

    private BookingRequest request(LocalTime at, String phone) {
        return stand.request(at, phone);
    }

    private Instant at(int hour, int minute) {
        return stand.at(hour, minute);
    }

    private static ObjectNode only(List<ObjectNode> list) {
        assertThat(list).hasSize(1);
        return list.getFirst();
    }
}
