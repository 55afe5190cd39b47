package io.switchboard.scheduling.calendar.google;

import io.switchboard.models.settings.SettingsException;
import io.switchboard.models.settings.SettingsProblem;
import io.switchboard.models.settings.SettingsSource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.audit.AuditEntry;
import io.switchboard.scheduling.availability.SlotQuery;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.calendar.CalendarChange;
import io.switchboard.scheduling.calendar.CalendarOutbox;
import io.switchboard.scheduling.calendar.CalendarSink;
import io.switchboard.scheduling.testing.FakeGoogleCalendar;
import io.switchboard.scheduling.testing.RecordedOwnerChanges;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real Google client, pushing and pulling against a loopback fake of Google's token and events endpoints. */
class GoogleCalendarSyncTest {

    private static final String CALENDAR = "bristol.plumbing@example.com";
    /** Monday 23 November 2026, 07:00 in Bristol. */
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 7, 0);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;
    private final SchedulingFixture fx = new SchedulingFixture(TestProfiles.sample(), NOW);
    private final FakeGoogleCalendar google = new FakeGoogleCalendar(CALENDAR);
    private final RecordedOwnerChanges owner = new RecordedOwnerChanges();
    private final List<Appointment> ownerCancelled = owner.cancelled;
    private Path key;
    private GoogleCalendarApi api;
    private GoogleCalendarSink sink;
    private GoogleCalendarPull pull;

    @BeforeEach
    void connect() throws Exception {
        key = google.writeServiceAccountKey(dir);
        api = GoogleCalendarApi.connect(settings(key));
        sink = new GoogleCalendarSink(api, new AppointmentEvents(fx.scheduling().profile()));
        pull = new GoogleCalendarPull(api, fx.database().dsl(), fx.clock(), fx.scheduling().profile().timezone(),
                Duration.ofDays(61), fx.scheduling().appointments(), fx.scheduling().bookings(), owner);
    }

    @AfterEach
    void close() {
        google.close();
        fx.close();
    }

    @Test
    void aBookingCreatesOneEventWithTheJobOnIt() {
        Appointment a = book(LocalTime.of(14, 0), true);

        assertThat(deliverAll()).isEqualTo(1);

        List<ObjectNode> live = google.liveEvents();
        assertThat(live).hasSize(1);
        ObjectNode e = live.getFirst();
        assertThat(e.path("id").asText()).isEqualTo(a.id().toString().replace("-", ""));
        assertThat(e.path("summary").asText()).isEqualTo("Bristol Plumbing – drain cleaning – Sarah Donnelly");
        assertThat(e.path("location").asText()).isEqualTo("12 Gloucester Road, Bristol BS7 8AE");
        assertThat(e.path("description").asText())
                .contains("Problem: kitchen sink blocked")
                .contains("Emergency: YES")
                .contains("Caller: +447700900123");
        assertThat(Instant.parse(e.path("start").path("dateTime").asText()))
                .isEqualTo(a.slot().start().toInstant());
        assertThat(Instant.parse(e.path("end").path("dateTime").asText())).isEqualTo(a.slot().end().toInstant());
        assertThat(e.path("start").path("timeZone").asText()).isEqualTo("Europe/London");
        assertThat(e.path("extendedProperties").path("private").path("switchboardAppointmentId").asText())
                .isEqualTo(a.id().toString());
        assertThat(google.tokensIssued()).as("the service-account JWT was exchanged for a token").isPositive();
    }

    @Test
    void aRetriedPushDoesNotMakeASecondEvent() throws Exception {
        book(LocalTime.of(14, 0), false);
        CalendarChange change = fx.scheduling().calendarOutbox().pending(1).getFirst();

        sink.push(change);
        sink.push(change); // the first answer was lost, or the relay crashed before marking it delivered

        assertThat(google.liveEvents()).hasSize(1);
        assertThat(google.requests()).filteredOn(r -> !r.startsWith("GET"))
                .as("second insert is refused with 409 and becomes an update")
                .containsExactly("POST /calendar/v3/calendars/bristol.plumbing@example.com/events",
                        "POST /calendar/v3/calendars/bristol.plumbing@example.com/events",
                        "PUT /calendar/v3/calendars/bristol.plumbing@example.com/events/"
                                + change.appointmentId().toString().replace("-", ""));
    }

    @Test
    void aRestartBetweenPushAndCommitStillLeavesOneEvent() {
        Appointment a = book(LocalTime.of(14, 0), false);
        CalendarSink killedAfterPush = change -> {
            sink.push(change);
            throw new IllegalStateException("process killed before the delivery was recorded");
        };
        assertThat(fx.scheduling().calendarOutbox().drain(killedAfterPush, 10).stoppedOnFailure()).isTrue();
        assertThat(google.liveEvents()).hasSize(1);

        // A new server over the same database: a new outbox, a new client with a new token.
        CalendarOutbox afterRestart = new CalendarOutbox(fx.database().dsl(), fx.clock());
        GoogleCalendarSink freshSink = new GoogleCalendarSink(GoogleCalendarApi.connect(settings(key)),
                new AppointmentEvents(fx.scheduling().profile()));
        assertThat(afterRestart.drain(freshSink, 10).delivered()).isEqualTo(1);

        assertThat(google.liveEvents()).hasSize(1);
        assertThat(google.liveEvents().getFirst().path("id").asText()).isEqualTo(EventIds.of(a.id()));
        assertThat(afterRestart.pending(10)).isEmpty();
    }

    @Test
    void aRescheduleMovesTheEventAndACancelDeletesIt() {
        Appointment a = book(LocalTime.of(10, 0), false);
        deliverAll();
        BookingResult moved = fx.scheduling().bookings().reschedule(a.id(), fx.at(TUESDAY.atTime(15, 0)),
                SchedulingFixture.TEST_ACTOR);
        assertThat(moved.succeeded()).isTrue();
        assertThat(deliverAll()).isEqualTo(1);

        ObjectNode e = google.event(EventIds.of(a.id()));
        assertThat(Instant.parse(e.path("start").path("dateTime").asText()))
                .isEqualTo(fx.at(TUESDAY.atTime(15, 0)).toInstant());
        assertThat(google.liveEvents()).hasSize(1);

        assertThat(fx.scheduling().bookings().cancel(a.id(), SchedulingFixture.TEST_ACTOR).succeeded()).isTrue();
        assertThat(deliverAll()).isEqualTo(1);
        assertThat(google.liveEvents()).isEmpty();
        assertThat(google.event(EventIds.of(a.id())).path("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void aCalendarOutageParksTheChangeAndItIsDeliveredLater() {
        CalendarOutbox outbox = new CalendarOutbox(fx.database().dsl(), fx.clock(), 2, Duration.ofMinutes(10));
        Appointment first = book(LocalTime.of(10, 0), false);
        google.outage(Integer.MAX_VALUE);

        assertThat(outbox.drain(sink, 10).stoppedOnFailure()).isTrue();
        assertThat(outbox.parked()).isZero();
        assertThat(outbox.drain(sink, 10).stoppedOnFailure()).isTrue();
        assertThat(outbox.parked()).as("parked after two failed attempts").isEqualTo(1);

        google.outage(0);
        Appointment second = book(LocalTime.of(14, 0), false);
        assertThat(outbox.drain(sink, 10).delivered()).as("the parked change does not hold up others").isEqualTo(1);
        assertThat(google.event(EventIds.of(second.id()))).isNotNull();
        assertThat(google.event(EventIds.of(first.id()))).isNull();

        fx.clock().advance(Duration.ofMinutes(10));
        assertThat(outbox.drain(sink, 10).delivered()).isEqualTo(1);
        assertThat(outbox.parked()).isZero();
        assertThat(google.liveEvents()).hasSize(2);
        assertThat(outbox.pending(10)).isEmpty();
    }

    @Test
    void anEventTheOwnerAddsBlocksThoseTimesWithinOneSync() {
        assertThat(offeredStarts()).contains(LocalTime.of(10, 0), LocalTime.of(11, 0));
        pull.pullOnce();
        google.ownerAdds("dentist1", fx.at(TUESDAY.atTime(10, 0)).toInstant(), fx.at(TUESDAY.atTime(11, 0)).toInstant(),
                false);
        google.ownerAdds("freetime", fx.at(TUESDAY.atTime(15, 0)).toInstant(), fx.at(TUESDAY.atTime(16, 0)).toInstant(),
                true);

        GoogleCalendarPull.PullResult result = pull.pullOnce();

        assertThat(result.full()).isFalse();
        assertThat(google.requests()).last().asString().contains("syncToken=");
        List<LocalTime> offered = offeredStarts();
        // A 90-minute job plus the 30-minute buffer must end by 10:00, and may start at 11:00.
        assertThat(offered).doesNotContain(LocalTime.of(8, 30), LocalTime.of(9, 0), LocalTime.of(10, 0),
                LocalTime.of(10, 30));
        assertThat(offered).contains(LocalTime.of(8, 0), LocalTime.of(11, 0));
        assertThat(offered).as("a transparent (free) event blocks nothing").contains(LocalTime.of(15, 0));
    }

    @Test
    void anAllDayEventBlocksTheDayAndOurOwnEventsAreNotImported() {
        Appointment ours = book(LocalTime.of(10, 0), false);
        deliverAll();
        google.ownerAddsAllDay("schoolplay", TUESDAY.plusDays(1));

        pull.pullOnce();

        assertThat(fx.scheduling().availability().openRanges("drain-cleaning", TUESDAY.plusDays(1))).isEmpty();
        assertThat(fx.scheduling().availability().openRanges("drain-cleaning", TUESDAY.plusDays(2))).isNotEmpty();
        assertThat(fx.count("select count(*) from calendar_busy where event_id = '" + EventIds.of(ours.id()) + "'"))
                .isZero();
        assertThat(fx.count("select count(*) from calendar_busy")).isEqualTo(1);
    }

    @Test
    void aRecurringEventBlocksEachOccurrenceUntilOneIsDeleted() {
        google.ownerAddsWeekly("schoolrun", fx.at(TUESDAY.atTime(8, 0)).toInstant(),
                fx.at(TUESDAY.atTime(9, 0)).toInstant(), 3);

        pull.pullOnce();

        assertThat(fx.count("select count(*) from calendar_busy where event_id = 'schoolrun'")).isEqualTo(3);
        for (int week = 0; week < 3; week++) {
            assertThat(firstRange(TUESDAY.plusWeeks(week))).as("week %d", week).isEqualTo(LocalTime.of(9, 0));
        }
        assertThat(firstRange(TUESDAY.plusWeeks(3))).as("the series has ended").isEqualTo(LocalTime.of(8, 0));

        google.ownerDeletesOccurrence("schoolrun", 1);
        pull.pullOnce();

        assertThat(firstRange(TUESDAY.plusWeeks(1))).isEqualTo(LocalTime.of(8, 0));
        assertThat(firstRange(TUESDAY.plusWeeks(2))).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void aPullFollowsEveryPage() {
        google.pageSize(2);
        for (int i = 0; i < 5; i++) {
            google.ownerAdds("busy" + i, fx.at(TUESDAY.plusDays(i).atTime(12, 0)).toInstant(),
                    fx.at(TUESDAY.plusDays(i).atTime(13, 0)).toInstant(), false);
        }

        GoogleCalendarPull.PullResult result = pull.pullOnce();

        assertThat(result.events()).isEqualTo(5);
        assertThat(fx.count("select count(*) from calendar_busy")).isEqualTo(5);
        assertThat(google.requests()).filteredOn(r -> r.contains("pageToken=")).hasSize(2);
        assertThat(fx.count("select count(*) from calendar_sync_state where sync_token is not null")).isEqualTo(1);
    }

    @Test
    void goneSyncTokenTriggersAFullResync() {
        google.ownerAdds("old", fx.at(TUESDAY.atTime(12, 0)).toInstant(), fx.at(TUESDAY.atTime(13, 0)).toInstant(),
                false);
        assertThat(pull.pullOnce().full()).isTrue();
        google.ownerDeletes("old");
        google.ownerAdds("new", fx.at(TUESDAY.atTime(16, 0)).toInstant(), fx.at(TUESDAY.atTime(17, 0)).toInstant(),
                false);
        google.expireSyncTokens();

        GoogleCalendarPull.PullResult result = pull.pullOnce();

        assertThat(result.full()).isTrue();
        List<String> lists = google.requests().stream().filter(r -> r.startsWith("GET")).toList();
        assertThat(lists.get(lists.size() - 2)).contains("syncToken=");
        assertThat(lists.getLast()).doesNotContain("syncToken=");
        assertThat(fx.count("select count(*) from calendar_busy where event_id = 'new'")).isEqualTo(1);
        assertThat(fx.count("select count(*) from calendar_busy where event_id = 'old'"))
                .as("what the full listing no longer has is forgotten").isZero();
    }

    @Test
    void theOwnerDeletingOurEventCancelsTheBooking() {
        Appointment a = book(LocalTime.of(10, 0), false);
        deliverAll();
        pull.pullOnce();
        google.ownerDeletes(EventIds.of(a.id()));

        GoogleCalendarPull.PullResult result = pull.pullOnce();

        assertThat(result.deletedByOwner()).containsExactly(a.id());
        assertThat(fx.scheduling().appointments().find(a.id()).orElseThrow().status())
                .isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(ownerCancelled).extracting(Appointment::id).containsExactly(a.id());
        AuditEntry last = fx.scheduling().audit().forAppointment(a.id()).getLast();
        assertThat(last.action()).isEqualTo("CANCELLED");
        assertThat(last.actor()).isEqualTo(GoogleCalendarPull.OWNER_VIA_CALENDAR);
        assertThat(deliverAll()).as("deleting the already deleted event is done").isEqualTo(1);
    }

    @Test
    void ourOwnDeleteOfACancelledBookingIsNotTakenForTheOwners() {
        Appointment a = book(LocalTime.of(10, 0), false);
        deliverAll();
        pull.pullOnce();
        fx.scheduling().bookings().cancel(a.id(), SchedulingFixture.TEST_ACTOR);
        deliverAll();

        pull.pullOnce();

        assertThat(ownerCancelled).isEmpty();
        assertThat(fx.scheduling().audit().forAppointment(a.id()).getLast().actor()).isEqualTo("test");
    }

    @Test
    void aKeyGoogleRefusesFailsStartUpNamingTheSetting() throws Exception {
        Path key = google.writeServiceAccountKey(dir);
        google.refuseTokens();
        assertThatThrownBy(() -> GoogleCalendarApi.connect(settings(key)))
                .isInstanceOf(GoogleCalendarSetupException.class)
                .hasMessageStartingWith("SWITCHBOARD_GOOGLE_CREDENTIALS:");
    }

    @Test
    void aFileThatIsNotAKeyOrACalendarWeCannotSeeFailsStartUpNamingTheSetting() throws Exception {
        Path notKey = Files.writeString(dir.resolve("oops.json"), "{\"type\":\"authorized_user\"}");
        assertThatThrownBy(() -> GoogleCalendarApi.connect(settings(notKey)))
                .isInstanceOf(GoogleCalendarSetupException.class)
                .extracting(e -> ((GoogleCalendarSetupException) e).setting())
                .isEqualTo(GoogleCalendarSettings.CREDENTIALS);

        Path key = google.writeServiceAccountKey(dir);
        GoogleCalendarSettings other = GoogleCalendarSettings.from(SettingsSource.of(Map.of(
                GoogleCalendarSettings.CREDENTIALS, key.toString(),
                GoogleCalendarSettings.CALENDAR_ID, "someone.else@example.com",
                GoogleCalendarSettings.API_URL, google.apiUrl().toString()))).orElseThrow();
        assertThatThrownBy(() -> GoogleCalendarApi.connect(other))
                .isInstanceOf(GoogleCalendarSetupException.class)
                .hasMessageStartingWith("SWITCHBOARD_GOOGLE_CALENDAR_ID:");
    }

    @Test
    void settingsAreOffWhenUnsetAndNameTheVariableWhenWrong() {
        assertThat(GoogleCalendarSettings.from(SettingsSource.of(Map.of()))).isEmpty();
        assertThatThrownBy(() -> GoogleCalendarSettings.from(SettingsSource.of(Map.of(
                GoogleCalendarSettings.CALENDAR_ID, CALENDAR))))
                .hasMessageStartingWith("SWITCHBOARD_GOOGLE_CREDENTIALS:");
        assertThatThrownBy(() -> GoogleCalendarSettings.from(SettingsSource.of(Map.of(
                GoogleCalendarSettings.CREDENTIALS, dir.resolve("missing.json").toString(),
                GoogleCalendarSettings.CALENDAR_ID, CALENDAR))))
                .hasMessageStartingWith("SWITCHBOARD_GOOGLE_CREDENTIALS:");
        assertThatThrownBy(() -> GoogleCalendarSettings.from(SettingsSource.of(Map.of(
                GoogleCalendarSettings.CREDENTIALS, dir.resolve("missing.json").toString(),
                GoogleCalendarSettings.CALENDAR_ID, CALENDAR, GoogleCalendarSettings.API_URL, "nowhere",
                GoogleCalendarSettings.SYNC_SECONDS, "0"))))
                .as("every bad key in the one error")
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
                        .extracting(SettingsProblem::key).containsExactly(GoogleCalendarSettings.CREDENTIALS,
                                GoogleCalendarSettings.API_URL, GoogleCalendarSettings.SYNC_SECONDS));
    }

    // ---- helpers ----

    private GoogleCalendarSettings settings(Path key) {
        return GoogleCalendarSettings.from(SettingsSource.of(Map.of(
                GoogleCalendarSettings.CREDENTIALS, key.toString(),
                GoogleCalendarSettings.CALENDAR_ID, CALENDAR,
                GoogleCalendarSettings.API_URL, google.apiUrl().toString()))).orElseThrow();
    }

    private Appointment book(LocalTime at, boolean emergency) {
        BookingResult result = fx.scheduling().bookings().book(new BookingRequest(null, "drain-cleaning",
                fx.at(TUESDAY.atTime(at)), "07700 900123", "Sarah Donnelly", "12 Gloucester Road, Bristol BS7 8AE",
                "kitchen sink blocked", emergency, SchedulingFixture.TEST_ACTOR));
        assertThat(result).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) result).appointment();
    }

    private int deliverAll() {
        CalendarOutbox.DrainResult result = fx.scheduling().calendarOutbox().drain(sink, 100);
        assertThat(result.stoppedOnFailure()).isFalse();
        return result.delivered();
    }

    /** Where the day's first open range for a drain cleaning starts. */
    private LocalTime firstRange(LocalDate day) {
        return fx.scheduling().availability().openRanges("drain-cleaning", day).getFirst().start().toLocalTime();
    }

    private List<LocalTime> offeredStarts() {
        return fx.scheduling().availability().findSlots(new SlotQuery("drain-cleaning", TUESDAY, TUESDAY, null, null,
                        null, null, 50)).stream()
                .map(TimeSlot::start).map(s -> s.toLocalTime()).toList();
    }
}
