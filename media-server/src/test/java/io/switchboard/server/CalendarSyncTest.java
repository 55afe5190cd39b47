package io.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code serve}'s calendar relay: configured by one variable, it mirrors a booking to the owner's webhook. */
class CalendarSyncTest {

    @TempDir
    Path dataDir;

    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final HttpServer calendar = startCalendar();

    @AfterEach
    void stop() {
        calendar.stop(0);
    }

    @Test
    void aBookingReachesTheConfiguredCalendarWebhook() throws Exception {
        Settings config = Settings.load(Map.of(
                "SWITCHBOARD_NOW", "2026-11-23T09:00",
                "SWITCHBOARD_DATA_DIR", dataDir.toString(),
                CalendarSyncSettings.WEBHOOK_URL, "http://127.0.0.1:" + calendar.getAddress().getPort() + "/calendar"));
        try (Switchboard switchboard = Switchboard.open(config)) {
            assertThat(switchboard.startCalendarRelay()).isPresent();
            var scheduling = switchboard.scheduling();
            BookingResult result = scheduling.bookings().book(new BookingRequest(null, "general-repair",
                    LocalDateTime.of(2026, 11, 24, 10, 0).atZone(scheduling.profile().timezone()), "+447700900123",
                    "Ada", "1 Test Street", "tap", false, new Actor(Channel.WEB, "test")));
            assertThat(result).isInstanceOf(BookingResult.Success.class);

            JsonNode change = received.poll(20, TimeUnit.SECONDS);
            assertThat(change).as("the relay posted the booking").isNotNull();
            assertThat(change.get("change").asText()).isEqualTo("BOOKED");
            assertThat(change.get("appointment_id").asText())
                    .isEqualTo(((BookingResult.Success) result).appointment().id().toString());
        }
        assertThat(received).as("delivered once").isEmpty();
    }

    @Test
    void withoutAWebhookNoRelayRunsAndAnUnsafeOneStopsStartUp() {
        Settings off = Settings.load(Map.of("SWITCHBOARD_DATA_DIR", dataDir.toString()));
        try (Switchboard switchboard = Switchboard.open(off)) {
            assertThat(switchboard.startCalendarRelay()).isEmpty();
        }
        Settings plainHttp = Settings.load(Map.of("SWITCHBOARD_DATA_DIR", dataDir.toString(),
                CalendarSyncSettings.WEBHOOK_URL, "http://calendar.example.com/hook"));
        try (Switchboard switchboard = Switchboard.open(plainHttp)) {
            assertThatThrownBy(switchboard::startCalendarRelay).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(CalendarSyncSettings.WEBHOOK_URL).hasMessageContaining("https");
        }
    }

    private HttpServer startCalendar() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/calendar", exchange -> {
                received.add(new ObjectMapper().readTree(exchange.getRequestBody()));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
