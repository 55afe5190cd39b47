package io.switchboard.telephony.http;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin token in front of customer data and operational endpoints. */
class AdminAuthTest {

    private static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = new ApiTestServer();
        // Mounted after the API, as the metrics endpoint is: the admin check still runs first.
        server.plane.mount(router -> router.get("/metrics").handler(ctx -> ctx.response().end("switchboard_up 1\n")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void appointmentsWithoutATokenAre401WithABearerChallengeAndNoData() {
        HttpResponse<String> response = server.send(server.request("/v1/appointments?date=2026-11-24").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"switchboard\"");
        assertThat(ApiTestServer.json(response).fieldNames()).containsExactly("error");
    }

    @Test
    void aWrongTokenIs401WithInvalidToken() {
        for (String header : new String[] {"Bearer wrong-token-0123456789", "Bearer " + ApiTestServer.ADMIN_TOKEN + "x",
                "Basic " + ApiTestServer.ADMIN_TOKEN, ApiTestServer.ADMIN_TOKEN, "Bearer "}) {
            HttpResponse<String> response = server.send(server.request("/v1/appointments?date=2026-11-24")
                    .header("Authorization", header).GET());

            assertThat(response.statusCode()).as(header).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(header)
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer").contains("invalid_token"));
        }
    }

    @Test
    void theRightTokenOpensAppointmentsWhateverTheSchemeCase() {
        assertThat(server.get("/v1/appointments?date=2026-11-24").statusCode()).isEqualTo(200);
        assertThat(server.send(server.request("/v1/appointments?date=2026-11-24")
                .header("Authorization", "bearer " + ApiTestServer.ADMIN_TOKEN).GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsMountedLaterAreProtectedToo() {
        assertThat(server.send(server.request("/metrics").GET()).statusCode()).isEqualTo(401);
        HttpResponse<String> allowed = server.get("/metrics");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("switchboard_up 1");
    }

    @Test
    void healthStaysOpenForLoadBalancers() {
        assertThat(server.send(server.request("/health").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongTokenOnTheChatIsRefusedRatherThanTreatedAsPublic() {
        HttpResponse<String> response = server.send(server.request("/v1/chat")
                .header("Authorization", "Bearer not-the-token-0123456789")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new JsonObject().put("session_id", "s")
                        .put("channel", "sms").put("from", "+447700900123").put("text", "hi").encode())));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(server.engine.requests).isEmpty();
    }
}
