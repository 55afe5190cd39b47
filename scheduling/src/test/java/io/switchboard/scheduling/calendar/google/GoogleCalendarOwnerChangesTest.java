package io.switchboard.scheduling.calendar.google;

import io.switchboard.models.settings.SettingsSource;

import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.BookingRules;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.audit.AuditEntry;
import io.switchboard.scheduling.availability.SlotQuery;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.calendar.CalendarOutbox;
import io.switchboard.scheduling.testing.FakeGoogleCalendar;
import io.switchboard.scheduling.testing.RecordedOwnerChanges;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the owner does to our events in Google (moving them) and around them (busy time over a booking), through
 * the real client against the loopback fake.
 */
class GoogleCalendarOwnerChangesTest {

    private static final String CALENDAR = "bristol.plumbing@example.com";
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 7, 0);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;
    private final FakeGoogleCalendar google = new FakeGoogleCalendar(CALENDAR);
    private final RecordedOwnerChanges owner = new RecordedOwnerChanges();
    private SchedulingFixture fx;
    private GoogleCalendarSink sink;
    private GoogleCalendarPull pull;

    private void start(BookingRulesChange change) throws Exception {
        fx = new SchedulingFixture(TestProfiles.sampleWithRules(change::apply), NOW);
        GoogleCalendarApi api = GoogleCalendarApi.connect(GoogleCalendarSettings.from(SettingsSource.of(Map.of(
                GoogleCalendarSettings.CREDENTIALS, google.writeServiceAccountKey(dir).toString(),
                GoogleCalendarSettings.CALENDAR_ID, CALENDAR,
                GoogleCalendarSettings.API_URL, google.apiUrl().toString()))).orElseThrow());
        sink = new GoogleCalendarSink(api, new AppointmentEvents(fx.scheduling().profile()));
        pull = new GoogleCalendarPull(api, fx.database().dsl(), fx.clock(), fx.scheduling().profile().timezone(),
                Duration.ofDays(61), fx.scheduling().appointments(), fx.scheduling().bookings(), owner);
    }

    private void start() throws Exception {
        start(r -> r);
    }

    @AfterEach
    void close() {
        google.close();
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void theOwnerMovingOurEventMovesTheBookingAndAuditsIt() throws Exception {
        start();
        Appointment a = book(LocalTime.of(10, 0));
        deliverAll();
        pull.pullOnce();

        google.ownerMoves(EventIds.of(a.id()), fx.at(TUESDAY.atTime(15, 0)).toInstant());
        pull.pullOnce();

        Appointment now = fx.scheduling().appointments().find(a.id()).orElseThrow();
        assertThat(now.slot().start().toInstant()).isEqualTo(fx.at(TUESDAY.atTime(15, 0)).toInstant());
        assertThat(now.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(owner.moved).extracting(Appointment::id).containsExactly(a.id());
        AuditEntry last = fx.scheduling().audit().forAppointment(a.id()).getLast();
        assertThat(last.action()).isEqualTo("RESCHEDULED");
        assertThat(last.actor()).isEqualTo(GoogleCalendarPull.OWNER_VIA_CALENDAR);

        // Our own push of the move comes back in the next listing and is not taken for another move.
        assertThat(deliverAll()).isEqualTo(1);
        pull.pullOnce();
        assertThat(owner.moved).hasSize(1);
        assertThat(fx.scheduling().audit().forAppointment(a.id())).hasSize(2);
    }

    @Test
    void aMoveToATimeTheBookingCannotTakeLeavesItAndFlagsTheOwnerOnce() throws Exception {
        start();
        Appointment a = book(LocalTime.of(10, 0));
        deliverAll();
        pull.pullOnce();

        google.ownerMoves(EventIds.of(a.id()), fx.at(TUESDAY.atTime(21, 0)).toInstant()); // after closing
        pull.pullOnce();

        assertThat(fx.scheduling().appointments().find(a.id()).orElseThrow().slot().start().toInstant())
                .isEqualTo(fx.at(TUESDAY.atTime(10, 0)).toInstant());
        assertThat(owner.moved).isEmpty();
        assertThat(owner.refused).singleElement().asString().contains("outside opening hours");

        google.expireSyncTokens(); // a full resync lists the moved event again
        assertThat(pull.pullOnce().full()).isTrue();
        pull.pullOnce();
        assertThat(owner.refused).as("flagged once").hasSize(1);
    }

    @Test
    void aStaleEventIsNotFollowedWhileOurOwnChangeIsOnItsWay() throws Exception {
        start();
        Appointment a = book(LocalTime.of(10, 0));
        deliverAll();
        pull.pullOnce();
        assertThat(fx.scheduling().bookings().reschedule(a.id(), fx.at(TUESDAY.atTime(12, 0)),
                SchedulingFixture.TEST_ACTOR).succeeded()).isTrue();
        google.ownerMoves(EventIds.of(a.id()), fx.at(TUESDAY.atTime(15, 0)).toInstant());

        pull.pullOnce();

        assertThat(fx.scheduling().appointments().find(a.id()).orElseThrow().slot().start().toInstant())
                .as("the customer's reschedule stands; the relay will overwrite the event")
                .isEqualTo(fx.at(TUESDAY.atTime(12, 0)).toInstant());
        assertThat(owner.moved).isEmpty();
        deliverAll();
        assertThat(Instant.parse(google.event(EventIds.of(a.id())).path("start").path("dateTime").asText()))
                .isEqualTo(fx.at(TUESDAY.atTime(12, 0)).toInstant());
    }

    @Test
    void aBusyEventOverABookingKeepsBothAndFlagsTheOwnerOnce() throws Exception {
        start();
        Appointment a = book(LocalTime.of(10, 0));
        Appointment other = book(LocalTime.of(15, 0));
        deliverAll();
        pull.pullOnce();

        google.ownerAdds("dentist", fx.at(TUESDAY.atTime(10, 30)).toInstant(),
                fx.at(TUESDAY.atTime(11, 0)).toInstant(), false);
        google.ownerAdds("free", fx.at(TUESDAY.atTime(15, 0)).toInstant(),
                fx.at(TUESDAY.atTime(16, 0)).toInstant(), true);
        GoogleCalendarPull.PullResult result = pull.pullOnce();

        assertThat(result.overlaps()).extracting(GoogleCalendarPull.Overlap::appointmentId).containsExactly(a.id());
        assertThat(owner.overlapped).extracting(Appointment::id).containsExactly(a.id());
        assertThat(fx.scheduling().appointments().find(a.id()).orElseThrow().slot().start().toInstant())
                .as("never moved silently").isEqualTo(fx.at(TUESDAY.atTime(10, 0)).toInstant());
        assertThat(fx.scheduling().appointments().find(other.id()).orElseThrow().status())
                .isEqualTo(AppointmentStatus.BOOKED);

        google.expireSyncTokens();
        pull.pullOnce();
        pull.pullOnce();
        assertThat(owner.overlapped).as("told once, also after a full resync").hasSize(1);
    }

    @Test
    void theBufferAroundCalendarEventsKeepsTimeFreeEitherSide() throws Exception {
        start(r -> new BookingRules(r.bufferBetweenJobs(), r.minimumNotice(), r.bookingHorizon(),
                r.maxBookingsPerDay(), r.slotStep(), Duration.ofMinutes(30)));
        google.ownerAdds("dentist", fx.at(TUESDAY.atTime(12, 0)).toInstant(),
                fx.at(TUESDAY.atTime(13, 0)).toInstant(), false);
        pull.pullOnce();

        List<LocalTime> offered = offeredStarts();
        // 90-minute jobs, 30 minutes between jobs, 30 minutes around the dentist (11:30–13:30 kept free).
        assertThat(offered).contains(LocalTime.of(9, 30), LocalTime.of(13, 30));
        assertThat(offered).doesNotContain(LocalTime.of(10, 0), LocalTime.of(13, 0), LocalTime.of(12, 30));
    }

    @Test
    void withoutTheBufferAJobMayStartWhenTheOwnersEventEnds() throws Exception {
        start();
        google.ownerAdds("dentist", fx.at(TUESDAY.atTime(12, 0)).toInstant(),
                fx.at(TUESDAY.atTime(13, 0)).toInstant(), false);
        pull.pullOnce();

        assertThat(offeredStarts()).contains(LocalTime.of(10, 0), LocalTime.of(13, 0));
    }

    // ---- helpers ----

    @FunctionalInterface
    private interface BookingRulesChange {
        BookingRules apply(BookingRules r);
    }

    private Appointment book(LocalTime at) {
        BookingResult result = fx.scheduling().bookings().book(new BookingRequest(null, "drain-cleaning",
                fx.at(TUESDAY.atTime(at)), "07700 900123", "Sarah Donnelly", "12 Gloucester Road, Bristol BS7 8AE",
                "kitchen sink blocked", false, SchedulingFixture.TEST_ACTOR));
        assertThat(result).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) result).appointment();
    }

    private int deliverAll() {
        CalendarOutbox.DrainResult result = fx.scheduling().calendarOutbox().drain(sink, 100);
        assertThat(result.stoppedOnFailure()).isFalse();
        return result.delivered();
    }

    private List<LocalTime> offeredStarts() {
        return fx.scheduling().availability().findSlots(new SlotQuery("drain-cleaning", TUESDAY, TUESDAY, null, null,
                        null, null, 50)).stream()
                .map(TimeSlot::start).map(s -> s.toLocalTime()).toList();
    }
}
