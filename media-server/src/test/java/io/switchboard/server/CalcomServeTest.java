package io.switchboard.server;

import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.calendar.calcom.CalcomSettings;
import io.switchboard.scheduling.calendar.calcom.CalcomSignature;
import io.switchboard.scheduling.testing.FakeCalcom;
import io.switchboard.telephony.http.CalcomWebhookRoute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.server.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code serve} with {@code SWITCHBOARD_CALENDAR=calcom} against a loopback fake Cal.com, webhook over HTTP. */
class CalcomServeTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String SECRET = "whsec-serve";

    @TempDir
    Path dataDir;
    private final FakeCalcom cal = new FakeCalcom();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        cal.close();
        http.close();
    }

    @Test
    void booksInCalcomAndASignedCancellationFromCalcomReachesTheBooking() throws Exception {
        Instant two = TUESDAY.atTime(14, 0).atZone(LONDON).toInstant();
        cal.offer(77, two);
        try (Switchboard switchboard = Switchboard.open(config("drain-cleaning=77"))) {
            assertThat(switchboard.startCalendarRelay()).isPresent();
            URI base = URI.create("http://127.0.0.1:" + switchboard.startHttp().port());
            BookingResult result = switchboard.scheduling().bookings().book(new BookingRequest(null, "drain-cleaning",
                    two.atZone(LONDON), "+447700900123", "Sarah Donnelly", "1 Test Street", "blocked drain", false,
                    new Actor(Channel.SMS, "test")));
            assertThat(result).isInstanceOf(BookingResult.Success.class);
            UUID id = ((BookingResult.Success) result).appointment().id();
            String uid = cal.accepted().getFirst().path("uid").asText();

            cal.cancelInCalcom(uid);
            byte[] body = ("{\"triggerEvent\":\"BOOKING_CANCELLED\",\"payload\":{\"uid\":\"" + uid + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(post(base, body, "0".repeat(64)).statusCode()).isEqualTo(401);
            assertThat(switchboard.scheduling().appointments().find(id).orElseThrow().status())
                    .isEqualTo(AppointmentStatus.BOOKED);
            assertThat(post(base, body, new CalcomSignature(SECRET).sign(body)).statusCode()).isEqualTo(200);
            assertThat(switchboard.scheduling().appointments().find(id).orElseThrow().status())
                    .isEqualTo(AppointmentStatus.CANCELLED);
            assertThat(waitFor(() -> cal.requests().stream().anyMatch(r -> r.endsWith("/cancel"))))
                    .as("the outbox relay tells Cal.com, which answers 'already cancelled'").isTrue();
        }
    }

    @Test
    void anEventTypeForAServiceTheProfileLacksStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> Switchboard.open(config("boiler-service=77"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(CalcomSettings.EVENT_TYPE_IDS);
    }

    private HttpResponse<String> post(URI base, byte[] body, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(CalcomWebhookRoute.PATH))
                .header(CalcomSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Settings config(String eventTypes) {
        Map<String, String> env = ServedApi.loopback(dataDir);
        env.putAll(Map.of(CalcomSettings.CALENDAR, "calcom", CalcomSettings.API_KEY, FakeCalcom.API_KEY,
                CalcomSettings.EVENT_TYPE_IDS, eventTypes, CalcomSettings.API_URL, cal.apiUrl().toString(),
                CalcomSettings.WEBHOOK_SECRET, SECRET));
        return Settings.load(env);
    }
}
