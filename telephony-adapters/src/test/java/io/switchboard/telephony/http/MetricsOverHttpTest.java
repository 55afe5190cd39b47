package io.switchboard.telephony.http;

import io.switchboard.models.settings.SettingsSource;

import io.switchboard.dialog.LoggingNotifier;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import io.switchboard.telephony.metrics.PrometheusMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booking conversation over {@code POST /v1/chat}, then a Prometheus scrape of {@code GET /metrics}: the seed metrics
 * (conversations, bookings, time to booking) carry the values the conversation produced, beside the JVM's.
 */
class MetricsOverHttpTest {

    private final SchedulingFixture fixture = new SchedulingFixture(TestProfiles.sample(), ApiTestServer.NOW);
    private final PrometheusMetrics prometheus = PrometheusMetrics.create();
    private final Vertx vertx = Vertx.vertx();
    private final ControlPlane plane = new ControlPlane(vertx, new HttpSettings("127.0.0.1", 0, 4), "Bristol Plumbing");
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> transcript = new ArrayList<>();
    private URI base;

    private void start() {
        Receptionist engine = Receptionist.create(fixture.scheduling(), new InMemorySessionStore(fixture.clock()),
                DisabledLlmFallback.INSTANCE, new LoggingNotifier(), Duration.ofMinutes(15), prometheus.metrics());
        SwitchboardApi.mount(plane, engine, fixture.scheduling(), new ApiSecurity(
                io.switchboard.telephony.security.AdminToken.of(ApiTestServer.ADMIN_TOKEN), WebOrigins.none(),
                io.switchboard.telephony.ratelimit.InboundLimits.inMemory(fixture.clock())), prometheus.metrics());
        plane.mount(new MetricsEndpoint(prometheus::scrape, MetricsAccess.loopbackOnly(), plane.workers())::mount);
        base = URI.create("http://127.0.0.1:" + plane.start());
        plane.markReady();
    }

    @AfterEach
    void close() {
        plane.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        http.close();
        prometheus.close();
        fixture.close();
    }

    private JsonObject say(String text) throws Exception {
        fixture.clock().advance(Duration.ofSeconds(30));
        JsonObject body = new JsonObject().put("session_id", "web-1").put("channel", "web")
                .put("from", "+447700900123").put("text", text);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(ChatApi.PATH))
                .header("Authorization", "Bearer " + ApiTestServer.ADMIN_TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject reply = new JsonObject(response.body());
        transcript.add(text + " -> [" + reply.getString("state") + "] " + reply.getString("reply"));
        return reply;
    }

    private HttpResponse<String> scrape(String... headers) throws Exception {
        // The admin token opens /metrics; the loopback rule of MetricsAccess applies on top.
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(MetricsEndpoint.PATH)).GET()
                .header("Authorization", "Bearer " + ApiTestServer.ADMIN_TOKEN);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBookingConversationShowsUpInTheScrape() throws Exception {
        start();
        say("Hi, my kitchen sink is blocked, can you do a drain cleaning tomorrow at 10am?");
        say("Jane Doe");
        say("yes");
        say("12 Park Street, Bristol BS1 5HX");
        JsonObject booked = say("yes please");
        assertThat(booked.getString("state")).as(String.join("\n", transcript)).isEqualTo("booked");

        HttpResponse<String> response = scrape();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        String text = response.body();
        assertThat(value(text, "switchboard_conversations_started_total{channel=\"web\"}")).isEqualTo(1);
        assertThat(value(text, "switchboard_conversations_total{channel=\"web\",outcome=\"booked\"}")).isEqualTo(1);
        assertThat(value(text, "switchboard_bookings_total{channel=\"web\",result=\"booked\"}")).isEqualTo(1);
        assertThat(value(text, "switchboard_bookings_total{channel=\"web\",result=\"slot_taken\"}")).isZero();
        assertThat(value(text, "switchboard_time_to_booking_seconds_count{channel=\"web\"}")).isEqualTo(1);
        // five messages 30 s apart: from the first to the booking is 2 minutes
        assertThat(value(text, "switchboard_time_to_booking_seconds_sum{channel=\"web\"}")).isEqualTo(120);
        assertThat(value(text, "switchboard_time_to_booking_seconds_bucket{channel=\"web\",le=\"60.0\"}")).isZero();
        assertThat(value(text, "switchboard_time_to_booking_seconds_bucket{channel=\"web\",le=\"120.0\"}")).isEqualTo(1);
        assertThat(value(text, "switchboard_dependency_errors_total{kind=\"database\"}")).isZero();
        assertThat(text).contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds");
    }

    @Test
    void aRequestThatCameThroughAProxyIsRefusedEvenFromLoopback() throws Exception {
        start();

        assertThat(scrape("X-Forwarded-For", "203.0.113.9").statusCode()).isEqualTo(403);
        assertThat(scrape("Forwarded", "for=203.0.113.9").statusCode()).isEqualTo(403);
        assertThat(scrape().statusCode()).isEqualTo(200);
    }

    @Test
    void accessIsConfigurable() {
        assertThat(MetricsAccess.from(SettingsSource.of(java.util.Map.of()))).isPresent();
        assertThat(MetricsAccess.from(SettingsSource.of(java.util.Map.of(MetricsAccess.VARIABLE, "off")))).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> MetricsAccess.from(SettingsSource.of(java.util.Map.of(MetricsAccess.VARIABLE, "public"))))
                .hasMessageContaining(MetricsAccess.VARIABLE);
    }

    /** The value of one exact series line of the exposition. */
    private static double value(String exposition, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(exposition);
        if (!m.find()) {
            throw new AssertionError("no series " + series + " in:\n" + exposition.lines()
                    .filter(l -> l.startsWith("switchboard_")).reduce("", (a, b) -> a + b + "\n"));
        }
        return Double.parseDouble(m.group(1));
    }
}
