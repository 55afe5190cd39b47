package io.switchboard.telephony.http;

import io.switchboard.scheduling.calendar.calcom.CalcomSignature;
import io.switchboard.scheduling.calendar.calcom.CalcomWebhook;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The route hands the raw body and the signature header on, and answers each outcome with its status. */
class CalcomWebhookRouteTest {

    private static final CalcomSignature SIGNATURE = new CalcomSignature("whsec-test");
    private static final UUID APPOINTMENT = UUID.fromString("9b2f3c1e-0000-4000-8000-000000000001");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private ControlPlane plane;
    private URI base;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        plane = new ControlPlane(vertx, new HttpSettings("127.0.0.1", 0, 1), "Bristol Plumbing");
        CalcomWebhookRoute.Receiver receiver = (body, signature) -> {
            String text = new String(body, StandardCharsets.UTF_8);
            if (!SIGNATURE.matches(body, signature)) {
                return new CalcomWebhook.Outcome.Forged();
            }
            received.add(text);
            return text.contains("BOOKING_CANCELLED") ? new CalcomWebhook.Outcome.Applied(APPOINTMENT, "BOOKING_CANCELLED")
                    : text.contains("PING") ? new CalcomWebhook.Outcome.Ignored("ping")
                    : new CalcomWebhook.Outcome.Malformed("no triggerEvent");
        };
        plane.mount(new CalcomWebhookRoute(receiver, plane.workers())::mount);
        base = URI.create("http://127.0.0.1:" + plane.start());
    }

    @AfterEach
    void stop() {
        plane.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        http.close();
    }

    @Test
    void answersEachOutcomeWithItsStatus() throws Exception {
        String cancel = "{\"triggerEvent\":\"BOOKING_CANCELLED\",\"payload\":{\"uid\":\"abc\"}}  ";

        assertThat(post(cancel, SIGNATURE.sign(cancel.getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(200);
        assertThat(received).containsExactly(cancel); // the raw body, trailing spaces and all
        assertThat(post(cancel, "00ff").statusCode()).isEqualTo(401);
        assertThat(post(cancel, null).statusCode()).isEqualTo(401);
        String ping = "{\"triggerEvent\":\"PING\"}";
        assertThat(post(ping, SIGNATURE.sign(ping.getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(200);
        String junk = "{}";
        assertThat(post(junk, SIGNATURE.sign(junk.getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(CalcomWebhookRoute.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(CalcomSignature.HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
