package io.switchboard.telephony.http;

import io.switchboard.scheduling.calendar.calcom.CalcomSignature;
import io.switchboard.scheduling.calendar.calcom.CalcomWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final LoopbackPlane server = new LoopbackPlane();

    @BeforeEach
    void start() {
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
        server.plane.mount(new CalcomWebhookRoute(receiver, server.plane.workers())::mount);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
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
        HttpRequest.Builder request = server.request(CalcomWebhookRoute.PATH)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(CalcomSignature.HEADER, signature);
        }
        return server.send(request);
    }
}
