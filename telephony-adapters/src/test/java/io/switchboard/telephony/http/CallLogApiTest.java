package io.switchboard.telephony.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import io.switchboard.telephony.calllog.CallLogStore;
import io.switchboard.telephony.calllog.CallOutcome;
import io.switchboard.telephony.calllog.LoggedCall;
import io.switchboard.telephony.calllog.LoggedTurn;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v1/calls} over real HTTP, reading calls stored in an embedded PostgreSQL. */
class CallLogApiTest {

    /** A Monday morning. */
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 9, 0);

    private static SchedulingFixture fixture;
    private static Vertx vertx;
    private static ControlPlane plane;
    private static CallLogStore store;
    private static URI base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final UUID BOOKING = UUID.fromString("2f0c8e52-3f7e-4f1e-9a53-0d5b8c1d2e3f");

    @BeforeAll
    static void start() {
        fixture = new SchedulingFixture(TestProfiles.sample(), NOW);
        store = new CallLogStore(fixture.database().dsl());
        vertx = Vertx.vertx();
        plane = new ControlPlane(vertx, new HttpSettings("127.0.0.1", 0, 2), "Bristol Plumbing");
        plane.mount(new CallLogApi(store, fixture.clock(), fixture.scheduling().profile().timezone(),
                plane.workers())::mount);
        base = URI.create("http://127.0.0.1:" + plane.start());
        plane.markReady();

        Instant now = fixture.clock().instant();
        Instant started = now.minus(Duration.ofHours(2));
        store.save(LoggedCall.of("CA-api-booked", "+447700900123", started, started.plusSeconds(75),
                CallOutcome.BOOKED, BOOKING, "Booked: drain cleaning Tue 14:00, Sarah Donnelly, 14 Gloucester Rd",
                List.of(new LoggedTurn(1, "greeting", null, null, "Hello, Bristol Plumbing.", "greeting", "idle",
                                started.plusSeconds(1), null, null, 10, 70, 90, false),
                        new LoggedTurn(2, "speech", "drain cleaning tomorrow at two", 0.9, "Booked for 14:00.",
                                "book", "booked", started.plusSeconds(8), 420, 130, 35, 60, 240, true))));
        Instant lastWeek = now.minus(Duration.ofDays(5));
        store.save(LoggedCall.of("CA-api-old", null, lastWeek, lastWeek.plusSeconds(30), CallOutcome.ABANDONED,
                null, null, List.of()));
    }

    @AfterAll
    static void stop() {
        plane.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        fixture.close();
    }

    @Test
    void aStoredCallIsReturnedWithItsTurns() throws Exception {
        HttpResponse<String> response = get("/v1/calls/CA-api-booked");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject call = new JsonObject(response.body());
        assertThat(call.getString("id")).isEqualTo("CA-api-booked");
        assertThat(call.getString("caller_phone")).isEqualTo("+447700900123");
        assertThat(call.getString("outcome")).isEqualTo("booked");
        assertThat(call.getString("appointment_id")).isEqualTo(BOOKING.toString());
        assertThat(call.getLong("duration_seconds")).isEqualTo(75);
        assertThat(call.getString("started_at")).isEqualTo("2026-11-23T07:00Z");
        JsonArray turns = call.getJsonArray("turns");
        assertThat(turns).hasSize(2);
        JsonObject spoken = turns.getJsonObject(1);
        assertThat(spoken.getInteger("turn")).isEqualTo(2);
        assertThat(spoken.getString("via")).isEqualTo("speech");
        assertThat(spoken.getString("heard")).isEqualTo("drain cleaning tomorrow at two");
        assertThat(spoken.getDouble("confidence")).isEqualTo(0.9);
        assertThat(spoken.getString("said")).isEqualTo("Booked for 14:00.");
        assertThat(spoken.getString("state")).isEqualTo("booked");
        assertThat(spoken.getBoolean("interrupted")).isTrue();
        assertThat(spoken.getJsonObject("latency_ms").getInteger("total")).isEqualTo(240);
        assertThat(spoken.getJsonObject("latency_ms").getInteger("end_of_turn")).isEqualTo(420);
        assertThat(turns.getJsonObject(0).getValue("heard")).isNull();
        assertThat(turns.getJsonObject(0).getJsonObject("latency_ms").getValue("stt")).isNull();
    }

    @Test
    void anUnknownCallIs404() throws Exception {
        assertThat(get("/v1/calls/CA-nobody").statusCode()).isEqualTo(404);
        assertThat(new JsonObject(get("/v1/calls/CA-nobody").body()).getString("error")).isEqualTo("no such call");
        assertThat(get("/v1/calls/not%20an%20id").statusCode()).isEqualTo(404);
    }

    @Test
    void theListingCoversTheAskedDaysNewestFirstWithoutTurns() throws Exception {
        JsonArray today = new JsonObject(get("/v1/calls?days=1").body()).getJsonArray("calls");
        assertThat(today).hasSize(1);
        assertThat(today.getJsonObject(0).getString("id")).isEqualTo("CA-api-booked");
        assertThat(today.getJsonObject(0).getInteger("turns")).isEqualTo(2);
        assertThat(today.getJsonObject(0).getString("summary")).startsWith("Booked: drain cleaning");

        JsonArray week = new JsonObject(get("/v1/calls").body()).getJsonArray("calls");
        assertThat(week).extracting(o -> ((JsonObject) o).getString("id"))
                .containsExactly("CA-api-booked", "CA-api-old");
        assertThat(week.getJsonObject(1).getValue("caller_phone")).isNull();
        assertThat(week.getJsonObject(1).getString("outcome")).isEqualTo("abandoned");
    }

    @Test
    void aBadDaysParameterIs400() throws Exception {
        assertThat(get("/v1/calls?days=0").statusCode()).isEqualTo(400);
        assertThat(get("/v1/calls?days=soon").statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
