package io.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.telephony.http.ControlPlane;
import io.switchboard.telephony.voice.MissedCall;
import io.switchboard.telephony.voice.MissedCalls;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as {@code serve} wires it serves {@code /metrics} (loopback) and the owner's missed-call list. */
class SwitchboardMetricsTest {

    @TempDir
    static Path dataDir;

    private static final String ADMIN_TOKEN = "metrics-test-admin-token";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterAll
    static void closeClient() {
        HTTP.close();
    }

    private static Settings config(Map<String, String> more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "SWITCHBOARD_HTTP_HOST", "127.0.0.1",
                "SWITCHBOARD_HTTP_PORT", "0",
                "SWITCHBOARD_NOW", "2026-11-23T09:00",
                "SWITCHBOARD_DATA_DIR", dataDir.toString(),
                "SWITCHBOARD_ADMIN_TOKEN", ADMIN_TOKEN));
        env.putAll(more);
        return Settings.load(env);
    }

    @Test
    void metricsCountWhatTheServerDidAndMissedCallsAreListed() throws Exception {
        try (Switchboard switchboard = Switchboard.open(config(Map.of()))) {
            ControlPlane http = switchboard.startHttp();
            URI base = URI.create("http://127.0.0.1:" + http.port());
            HttpResponse<String> chat = HTTP.send(HttpRequest.newBuilder(base.resolve("/v1/chat"))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("session_id", "metrics-test")
                            .put("channel", "sms").put("from", "+447700900123").put("text", "hello").encode()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(chat.statusCode()).isEqualTo(200);
            new MissedCalls(switchboard.scheduling().database().dsl(), switchboard.clock())
                    .record("CA-missed-1", "+447700900456", MissedCall.BUSY);

            HttpResponse<String> metrics = get(base.resolve("/metrics"));
            HttpResponse<String> missed = get(base.resolve("/v1/missed-calls"));

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("switchboard_conversations_started_total{channel=\"sms\"} 1.0",
                    "switchboard_bookings_total{channel=\"voice\",result=\"booked\"} 0.0",
                    "switchboard_outbound_messages_total{channel=\"sms\",result=\"sent\"} 0.0",
                    "jvm_gc_", "process_cpu_usage");
            assertThat(metrics.body()).as("the warm-up is not a conversation")
                    .contains("switchboard_conversations_started_total{channel=\"voice\"} 0.0");
            assertThat(missed.statusCode()).isEqualTo(200);
            JsonArray calls = new JsonObject(missed.body()).getJsonArray("missed_calls");
            assertThat(calls).hasSize(1);
            assertThat(calls.getJsonObject(0).getString("caller_phone")).isEqualTo("+447700900456");
            assertThat(calls.getJsonObject(0).getBoolean("texted_back")).isFalse();
            assertThat(get(base.resolve("/v1/missed-calls?days=0")).statusCode()).isEqualTo(400);
            assertThat(HTTP.send(HttpRequest.newBuilder(base.resolve("/v1/missed-calls")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("owner data needs the token").isEqualTo(401);
            assertThat(HTTP.send(HttpRequest.newBuilder(base.resolve("/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("metrics need the token").isEqualTo(401);
        }
    }

    @Test
    void metricsCanBeSwitchedOff() throws Exception {
        try (Switchboard switchboard = Switchboard.open(config(Map.of("SWITCHBOARD_METRICS", "off")))) {
            URI base = URI.create("http://127.0.0.1:" + switchboard.startHttp().port());
            assertThat(get(base.resolve("/metrics")).statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
