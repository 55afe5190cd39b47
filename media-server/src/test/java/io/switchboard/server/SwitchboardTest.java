package io.switchboard.server;

import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.telephony.http.ControlPlane;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole wiring as {@code serve} builds it: embedded PostgreSQL in a temp data dir, the real engine, HTTP. */
class SwitchboardTest {

    @TempDir
    static Path dataDir;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Settings config;

    @BeforeAll
    static void configure() {
        config = Settings.load(Map.of(
                "SWITCHBOARD_HTTP_HOST", "127.0.0.1",
                "SWITCHBOARD_HTTP_PORT", "0",
                "SWITCHBOARD_NOW", "2026-11-23T09:00",
                "SWITCHBOARD_DATA_DIR", dataDir.toString()));
    }

    @AfterAll
    static void closeClient() {
        HTTP.close();
    }

    @Test
    void servesHealthChatAndAppointmentsAndKeepsBookingsAcrossRestarts() throws Exception {
        Appointment booked;
        try (Switchboard switchboard = Switchboard.open(config)) {
            assertThat(switchboard.clock().instant()).isBetween(
                    java.time.Instant.parse("2026-11-23T09:00:00Z"), java.time.Instant.parse("2026-11-23T09:10:00Z"));
            ControlPlane http = switchboard.startHttp();
            URI base = URI.create("http://127.0.0.1:" + http.port());

            HttpResponse<String> health = get(base.resolve("/health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(health.body()).getString("business")).isEqualTo("Bristol Plumbing");

            HttpResponse<String> chat = HTTP.send(HttpRequest.newBuilder(base.resolve("/v1/chat"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("session_id", "wiring-test")
                            .put("channel", "sms").put("from", "+447700900123").put("text", "hello").encode()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(chat.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(chat.body()).getString("reply")).isNotBlank();

            assertThat(get(base.resolve("/v1/appointments?date=2026-11-24")).statusCode())
                    .as("customer data needs the admin token").isEqualTo(401);
            booked = book(switchboard, LocalDateTime.of(2026, 11, 24, 10, 0));
            assertThat(appointmentIds(base, LocalDate.of(2026, 11, 24))).isEqualTo(
                    new io.vertx.core.json.JsonArray().add(booked.id().toString()));

            assertThat(Main.readyLine(switchboard, http))
                    .startsWith("Switchboard ready: Bristol Plumbing on http://127.0.0.1:" + http.port())
                    .contains("general repair");
        }

        try (Switchboard restarted = Switchboard.open(config)) {
            URI base = URI.create("http://127.0.0.1:" + restarted.startHttp().port());
            assertThat(appointmentIds(base, LocalDate.of(2026, 11, 24))).isEqualTo(
                    new io.vertx.core.json.JsonArray().add(booked.id().toString()));
        }
        assertThat(dataDir.resolve("postgres")).isDirectory();
    }

    @Test
    void closingStopsTheHttpServer() {
        URI base;
        try (Switchboard switchboard = Switchboard.open(config)) {
            base = URI.create("http://127.0.0.1:" + switchboard.startHttp().port());
        }
        assertThatThrownBy(() -> get(base.resolve("/health"))).isInstanceOf(ConnectException.class);
    }

    private static Appointment book(Switchboard switchboard, LocalDateTime start) {
        var scheduling = switchboard.scheduling();
        BookingResult result = scheduling.bookings().book(new BookingRequest(null, "general-repair",
                start.atZone(scheduling.profile().timezone()), "+447700900123", "Ada", "1 Test Street", "tap",
                false, new Actor(Channel.WEB, "test")));
        assertThat(result).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) result).appointment();
    }

    private static io.vertx.core.json.JsonArray appointmentIds(URI base, LocalDate day) throws Exception {
        // No SWITCHBOARD_ADMIN_TOKEN: the server generated one on first start, kept across the restart.
        String token = java.nio.file.Files.readString(dataDir.resolve("admin-token")).strip();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/v1/appointments?date=" + day))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        io.vertx.core.json.JsonArray ids = new io.vertx.core.json.JsonArray();
        new JsonObject(response.body()).getJsonArray("appointments")
                .forEach(a -> ids.add(((JsonObject) a).getString("id")));
        return ids;
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
