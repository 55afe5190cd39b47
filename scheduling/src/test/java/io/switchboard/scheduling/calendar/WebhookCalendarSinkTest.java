package io.switchboard.scheduling.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookCalendarSinkTest {

    private static final UUID APPOINTMENT = UUID.fromString("7f0c1a52-3c39-4d7a-9d0e-6a3c2d1b0e01");
    private final HttpServer server = start();
    private final AtomicReference<byte[]> body = new AtomicReference<>();
    private final AtomicReference<String> signature = new AtomicReference<>();
    private final AtomicReference<String> idempotencyKey = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(204);

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postsTheChangeSignedAndKeyedByItsId() throws Exception {
        sink(Optional.of("s3cret")).push(new CalendarChange(42, APPOINTMENT, "BOOKED", "{\"service\":\"drain\"}", 0));

        JsonNode json = new ObjectMapper().readTree(body.get());
        assertThat(json.get("id").asLong()).isEqualTo(42);
        assertThat(json.get("appointment_id").asText()).isEqualTo(APPOINTMENT.toString());
        assertThat(json.get("change").asText()).isEqualTo("BOOKED");
        assertThat(json.get("appointment").get("service").asText()).isEqualTo("drain");
        assertThat(idempotencyKey.get()).isEqualTo("calendar-change-42");
        assertThat(signature.get()).isEqualTo("sha256=" + WebhookCalendarSink.hmac("s3cret", body.get()));
    }

    @Test
    void aRefusalIsAFailureForTheRelayToRetry() {
        status.set(503);
        assertThatThrownBy(() -> sink(Optional.empty()).push(new CalendarChange(1, APPOINTMENT, "CANCELLED", "{}", 0)))
                .isInstanceOf(IOException.class).hasMessageContaining("503");
        assertThat(signature.get()).isNull();
    }

    @Test
    void plainHttpIsOnlyAllowedToLoopback() {
        assertThatThrownBy(() -> new WebhookCalendarSink(URI.create("http://calendar.example.com/hook"),
                Optional.empty(), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
        assertThatThrownBy(() -> new WebhookCalendarSink(URI.create("/relative"), Optional.empty(),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        new WebhookCalendarSink(URI.create("https://calendar.example.com/hook"), Optional.empty(), Duration.ofSeconds(1));
        new WebhookCalendarSink(URI.create("http://[::1]:9/hook"), Optional.empty(), Duration.ofSeconds(1));
    }

    private WebhookCalendarSink sink(Optional<String> secret) {
        return new WebhookCalendarSink(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"),
                secret, Duration.ofSeconds(5));
    }

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/hook", exchange -> {
                body.set(exchange.getRequestBody().readAllBytes());
                signature.set(exchange.getRequestHeaders().getFirst("X-Switchboard-Signature"));
                idempotencyKey.set(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                exchange.sendResponseHeaders(status.get(), -1);
                exchange.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
