package io.switchboard.server;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.availability.SlotQuery;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.calendar.IcsFeed;
import io.switchboard.scheduling.calendar.google.EventIds;
import io.switchboard.scheduling.calendar.google.GoogleCalendarSettings;
import io.switchboard.scheduling.calendar.google.GoogleCalendarWatch;
import io.switchboard.scheduling.testing.FakeGoogleCalendar;
import io.switchboard.telephony.messaging.ProviderStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.switchboard.server.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve} with Google's push notifications, the owner's moves and overlaps texted through the loopback Twilio
 * stub, readiness naming a revoked credential, and the iCalendar feed: the real Google client against the loopback
 * fake, the real HTTP server.
 */
class GoogleCalendarPushServeTest {

    private static final String CALENDAR = "owner@example.com";
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String CUSTOMER = "+447700900123";
    /** The sample profile's owner. */
    private static final String OWNER = "+447700900999";
    private static final String ICS_TOKEN = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dataDir;
    @TempDir
    Path keys;
    private final FakeGoogleCalendar google = new FakeGoogleCalendar(CALENDAR);
    private final ProviderStub twilio = new ProviderStub();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        google.close();
        twilio.close();
    }

    @Test
    void aNotificationStartsAPullLongBeforeThePollWould() throws Exception {
        int port = freePort();
        try (Switchboard switchboard = Switchboard.open(config(port, google.writeServiceAccountKey(keys), "3600"))) {
            switchboard.startCalendarRelay();
            switchboard.startHttp();
            assertThat(waitFor(() -> !google.openChannels().isEmpty())).as("a watch channel is opened").isTrue();

            google.ownerAdds("dentist", TUESDAY.atTime(10, 0).atZone(LONDON).toInstant(),
                    TUESDAY.atTime(11, 0).atZone(LONDON).toInstant(), false);

            assertThat(waitFor(() -> !offered(switchboard).contains(LocalTime.of(10, 0))))
                    .as("pulled on the notification, with the poll an hour away").isTrue();
            assertThat(google.notificationAnswers()).contains(200);

            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + GoogleCalendarWatch.PATH))
                    .header("X-Goog-Channel-ID", google.openChannels().getFirst())
                    .header("X-Goog-Channel-Token", "guessed")
                    .header("X-Goog-Resource-State", "exists")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void theOwnerMovingABookingTextsTheCustomerAndAnOverlapTextsTheOwnerOnce() throws Exception {
        try (Switchboard switchboard = Switchboard.open(config(freePort(), google.writeServiceAccountKey(keys), "1"))) {
            switchboard.startCalendarRelay();
            Appointment a = book(switchboard, LocalTime.of(10, 0));
            assertThat(waitFor(() -> google.liveEvents().size() == 1)).isTrue();

            google.ownerMoves(EventIds.of(a.id()), TUESDAY.atTime(14, 0).atZone(LONDON).toInstant());
            assertThat(waitFor(() -> !twilio.sentTo("twilio", CUSTOMER).isEmpty())).isTrue();
            assertThat(twilio.sentTo("twilio", CUSTOMER).getFirst().text())
                    .contains("has been moved to Tuesday 24 November at 14:00");
            assertThat(switchboard.scheduling().appointments().find(a.id()).orElseThrow().slot().start()
                    .toLocalTime()).isEqualTo(LocalTime.of(14, 0));

            google.ownerAdds("school-play", TUESDAY.atTime(14, 30).atZone(LONDON).toInstant(),
                    TUESDAY.atTime(15, 0).atZone(LONDON).toInstant(), false);
            assertThat(waitFor(() -> !twilio.sentTo("twilio", OWNER).isEmpty())).isTrue();
            Thread.sleep(2_500); // two more pulls
            assertThat(twilio.sentTo("twilio", OWNER)).singleElement().extracting(ProviderStub.Sent::text)
                    .asString().contains("busy Tue 24 Nov at 14:30").contains("Sarah").contains("Both are kept");
            assertThat(twilio.sentTo("twilio", CUSTOMER)).as("the customer is not moved or told").hasSize(1);
        }
    }

    @Test
    void aRevokedTokenTurnsReadinessFalseNamingTheSetting() throws Exception {
        int port = freePort();
        try (Switchboard switchboard = Switchboard.open(config(port, google.writeOAuthClientFile(keys), "1"))) {
            switchboard.startCalendarRelay();
            switchboard.startHttp();
            assertThat(waitFor(() -> ready(port).statusCode() == 200)).isTrue();

            google.revokeRefreshToken();

            assertThat(waitFor(() -> ready(port).statusCode() == 503)).isTrue();
            assertThat(ready(port).body()).contains("google calendar " + GoogleCalendarSettings.CREDENTIALS);
        }
    }

    @Test
    void theIcsFeedListsTheBookingsBehindItsSecretToken() throws Exception {
        int port = freePort();
        try (Switchboard switchboard = Switchboard.open(config(port, google.writeServiceAccountKey(keys), "60"))) {
            switchboard.startCalendarRelay();
            switchboard.startHttp();
            Appointment a = book(switchboard, LocalTime.of(10, 0));

            HttpResponse<String> feed = get(port, "/calendar/" + ICS_TOKEN + ".ics");

            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.headers().firstValue("Content-Type")).get().asString().startsWith("text/calendar");
            ICalendar ical = Biweekly.parse(feed.body()).first();
            assertThat(ical.getEvents()).hasSize(1);
            VEvent e = ical.getEvents().getFirst();
            assertThat(e.getUid().getValue()).isEqualTo(a.id() + "@switchboard");
            assertThat(e.getSummary().getValue()).isEqualTo("Bristol Plumbing – drain cleaning – Sarah Donnelly");
            assertThat(e.getDateStart().getValue().toInstant()).isEqualTo(a.slot().start().toInstant());
            assertThat(e.getLocation().getValue()).isEqualTo("1 Test Street");

            assertThat(get(port, "/calendar/" + ICS_TOKEN.replace('0', '1') + ".ics").statusCode()).isEqualTo(404);
            assertThat(get(port, "/calendar/" + ICS_TOKEN).statusCode()).isEqualTo(404);

            switchboard.scheduling().bookings().cancel(a.id(), new Actor(Channel.WEB, "test"));
            assertThat(Biweekly.parse(get(port, "/calendar/" + ICS_TOKEN + ".ics").body()).first().getEvents())
                    .isEmpty();
        }
    }

    @Test
    void aShortIcsTokenStopsStartUpNamingTheSetting() throws Exception {
        Map<String, String> env = env(freePort(), google.writeServiceAccountKey(keys), "60");
        env.put(IcsFeed.TOKEN, "short");
        // Read with every other setting, before anything is opened; the message never repeats the token.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.load(env))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(IcsFeed.TOKEN)
                .hasMessageNotContaining("'short'");
    }

    // ---- helpers ----

    private Settings config(int port, Path credentials, String syncSeconds) {
        return Settings.load(env(port, credentials, syncSeconds));
    }

    private Map<String, String> env(int port, Path credentials, String syncSeconds) {
        Map<String, String> env = new HashMap<>();
        env.put("SWITCHBOARD_NOW", "2026-11-23T09:00");
        env.put("SWITCHBOARD_DATA_DIR", dataDir.toString());
        env.put("SWITCHBOARD_HTTP_HOST", "127.0.0.1");
        env.put("SWITCHBOARD_HTTP_PORT", String.valueOf(port));
        env.put("SWITCHBOARD_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef");
        env.put("TWILIO_AUTH_TOKEN", "12345678901234567890123456789012");
        env.put("TWILIO_FROM_NUMBER", "+441174960000");
        env.put("TWILIO_API_BASE_URL", twilio.baseUrl().toString());
        env.put(IcsFeed.TOKEN, ICS_TOKEN);
        env.put(GoogleCalendarSettings.CREDENTIALS, credentials.toString());
        env.put(GoogleCalendarSettings.CALENDAR_ID, CALENDAR);
        env.put(GoogleCalendarSettings.API_URL, google.apiUrl().toString());
        env.put(GoogleCalendarSettings.SYNC_SECONDS, syncSeconds);
        return env;
    }

    private static Appointment book(Switchboard switchboard, LocalTime at) {
        BookingResult result = switchboard.scheduling().bookings().book(new BookingRequest(null, "drain-cleaning",
                TUESDAY.atTime(at).atZone(LONDON), CUSTOMER, "Sarah Donnelly", "1 Test Street",
                "blocked drain", false, new Actor(Channel.SMS, "test")));
        assertThat(result).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) result).appointment();
    }

    private HttpResponse<String> ready(int port) {
        return get(port, "/health/ready");
    }

    private HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<LocalTime> offered(Switchboard switchboard) {
        return switchboard.scheduling().availability().findSlots(new SlotQuery("drain-cleaning", TUESDAY, TUESDAY,
                null, null, null, null, 50)).stream().map(TimeSlot::start).map(t -> t.toLocalTime()).toList();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
