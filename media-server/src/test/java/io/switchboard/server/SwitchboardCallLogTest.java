package io.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.telephony.calllog.CallLogStore;
import io.switchboard.telephony.calllog.CallOutcome;
import io.switchboard.telephony.calllog.LoggedCall;
import io.switchboard.telephony.calllog.LoggedTurn;
import io.switchboard.telephony.http.ControlPlane;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server as {@code serve} wires it serves the call log and purges calls past their retention when it starts. */
class SwitchboardCallLogTest {

    @RegisterExtension
    static final ServedApi api = new ServedApi("call-log-test-admin-token");

    private static Settings config(Map<String, String> more) {
        return api.config(more);
    }

    @Test
    void storedCallsAreServedAndOnesPastTheRetentionAreDeletedAtStart() throws Exception {
        try (Switchboard switchboard = Switchboard.open(config(Map.of("SWITCHBOARD_CALL_LOG_RETENTION", "7d")))) {
            CallLogStore store = new CallLogStore(switchboard.scheduling().database().dsl());
            Instant now = switchboard.clock().instant();
            store.save(call("CA-recent", now.minus(Duration.ofDays(1))));
            store.save(call("CA-expired", now.minus(Duration.ofDays(8))));

            ControlPlane http = switchboard.startHttp();
            URI base = URI.create("http://127.0.0.1:" + http.port());

            // Personal data: nothing without the admin token, neither the list nor one call.
            assertThat(send(HttpRequest.newBuilder(base.resolve("/v1/calls/CA-recent")).GET().build()).statusCode())
                    .isEqualTo(401);
            assertThat(send(HttpRequest.newBuilder(base.resolve("/v1/calls")).GET().build()).statusCode())
                    .isEqualTo(401);
            HttpResponse<String> one = get(base.resolve("/v1/calls/CA-recent"));
            assertThat(one.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(one.body()).getJsonArray("turns").getJsonObject(0).getString("said"))
                    .isEqualTo("Hello.");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (store.find("CA-expired").isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(get(base.resolve("/v1/calls/CA-expired")).statusCode()).isEqualTo(404);
            assertThat(new JsonObject(get(base.resolve("/v1/calls?days=30")).body()).getJsonArray("calls"))
                    .hasSize(1);
        }
    }

    @Test
    void anUnusableRetentionStopsTheServerWithTheVariableNamed() {
        // Read with every other setting at start-up, before anything is opened.
        assertThatThrownBy(() -> config(Map.of("SWITCHBOARD_CALL_LOG_RETENTION", "forever")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SWITCHBOARD_CALL_LOG_RETENTION");
    }

    private static LoggedCall call(String sid, Instant start) {
        return LoggedCall.of(sid, "+447700900123", start, start.plusSeconds(30), CallOutcome.QUESTION, null, null,
                List.of(new LoggedTurn(1, "greeting", null, null, "Hello.", null, null, start.plusSeconds(1), null,
                        null, 5, 40, 50, false)));
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return api.get(uri);
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return api.send(request);
    }
}
