package io.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.telephony.http.ControlPlane;
import io.switchboard.telephony.voice.MissedCall;
import io.switchboard.telephony.voice.MissedCalls;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server as {@code serve} wires it serves {@code /metrics} (loopback) and the owner's missed-call list. */
class SwitchboardMetricsTest {

    @RegisterExtension
    static final ServedApi api = new ServedApi("metrics-test-admin-token");

    private static Settings config(Map<String, String> more) {
        return api.config(more);
    }

    @Test
    void metricsCountWhatTheServerDidAndMissedCallsAreListed() throws Exception {
        try (Switchboard switchboard = Switchboard.open(config(Map.of()))) {
            ControlPlane http = switchboard.startHttp();
            URI base = URI.create("http://127.0.0.1:" + http.port());
            HttpResponse<String> chat = api.postJson(base.resolve("/v1/chat"), new JsonObject()
                    .put("session_id", "metrics-test").put("channel", "sms").put("from", "+447700900123")
                    .put("text", "hello").encode());
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
            assertThat(api.send(HttpRequest.newBuilder(base.resolve("/v1/missed-calls")).GET().build())
                    .statusCode()).as("owner data needs the token").isEqualTo(401);
            assertThat(api.send(HttpRequest.newBuilder(base.resolve("/metrics")).GET().build())
                    .statusCode()).as("metrics need the token").isEqualTo(401);
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
        return api.get(uri);
    }
}
