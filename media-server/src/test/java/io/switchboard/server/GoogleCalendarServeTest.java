package io.switchboard.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.models.Channel;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.availability.SlotQuery;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.calendar.google.GoogleCalendarSettings;
import io.switchboard.scheduling.testing.FakeGoogleCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.switchboard.server.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code serve}'s Google Calendar sync, configured by environment, against a loopback fake Google. */
class GoogleCalendarServeTest {

    private static final String CALENDAR = "owner@example.com";
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dataDir;
    @TempDir
    Path keys;
    private final FakeGoogleCalendar google = new FakeGoogleCalendar(CALENDAR);

    @AfterEach
    void stop() {
        google.close();
    }

    @Test
    void aBookingIsPushedAndTheOwnersEventBlocksOffers() throws Exception {
        try (Switchboard switchboard = Switchboard.open(config(google.writeServiceAccountKey(keys)))) {
            assertThat(switchboard.startCalendarRelay()).isPresent();
            var scheduling = switchboard.scheduling();
            BookingResult result = scheduling.bookings().book(new BookingRequest(null, "drain-cleaning",
                    TUESDAY.atTime(14, 0).atZone(LONDON), "+447700900123", "Sarah Donnelly", "1 Test Street",
                    "blocked drain", false, new Actor(Channel.SMS, "test")));
            assertThat(result).isInstanceOf(BookingResult.Success.class);
            assertThat(waitFor(() -> google.liveEvents().size() == 1)).as("pushed by the relay").isTrue();
            ObjectNode event = google.liveEvents().getFirst();
            assertThat(event.path("summary").asText()).isEqualTo("Bristol Plumbing – drain cleaning – Sarah Donnelly");

            google.ownerAdds("dentist", TUESDAY.atTime(10, 0).atZone(LONDON).toInstant(),
                    TUESDAY.atTime(11, 0).atZone(LONDON).toInstant(), false);
            assertThat(waitFor(() -> !offered(switchboard).contains(LocalTime.of(10, 0))))
                    .as("the next pull blocks the owner's event").isTrue();
            assertThat(offered(switchboard)).contains(LocalTime.of(11, 0));
            assertThat(switchboard.metrics().scrape()).contains("switchboard_calendar_parked 0.0");
        }
    }

    @Test
    void aKeyGoogleRefusesStopsStartUpNamingTheSetting() throws Exception {
        Path key = google.writeServiceAccountKey(keys);
        google.refuseTokens();
        try (Switchboard switchboard = Switchboard.open(config(key))) {
            assertThatThrownBy(switchboard::startCalendarRelay).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(GoogleCalendarSettings.CREDENTIALS);
        }
    }

    private Settings config(Path key) {
        return Settings.load(Map.of(
                "SWITCHBOARD_NOW", "2026-11-23T09:00",
                "SWITCHBOARD_DATA_DIR", dataDir.toString(),
                GoogleCalendarSettings.CREDENTIALS, key.toString(),
                GoogleCalendarSettings.CALENDAR_ID, CALENDAR,
                GoogleCalendarSettings.API_URL, google.apiUrl().toString(),
                GoogleCalendarSettings.SYNC_SECONDS, "1"));
    }

    private static List<LocalTime> offered(Switchboard switchboard) {
        return switchboard.scheduling().availability().findSlots(new SlotQuery("drain-cleaning", TUESDAY, TUESDAY,
                null, null, null, null, 50)).stream().map(TimeSlot::start).map(t -> t.toLocalTime()).toList();
    }
}
