package io.switchboard.telephony.http;

import io.switchboard.dialog.LoggingNotifier;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.scheduling.availability.SlotQuery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner's business settings over HTTP: the token or a dashboard session with its CSRF token opens them, bad
 * input is a 400 naming the field (by the profile file's own rules), and a change is what the next availability
 * query and the next chat reply use.
 */
class BusinessSettingsApiTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    private ApiTestServer server;
    private String self;

    @BeforeEach
    void start() {
        server = new ApiTestServer(scheduling -> Receptionist.create(scheduling,
                new InMemorySessionStore(scheduling.clock()), DisabledLlmFallback.INSTANCE, new LoggingNotifier()));
        URI uri = server.request("/").build().uri();
        self = uri.getScheme() + "://" + uri.getRawAuthority();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void settingsNeedTheTokenOrASessionWithItsCsrfToken() {
        assertThat(server.send(server.request("/v1/business/settings").GET()).statusCode()).isEqualTo(401);
        assertThat(put("/v1/business/hours", hours("monday", "08:00-12:00"), null).statusCode()).isEqualTo(401);

        HttpResponse<String> signedIn = server.send(server.request("/admin/session")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("token", ApiTestServer.ADMIN_TOKEN).encode())));
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String csrf = ApiTestServer.json(signedIn).getString("csrf_token");

        HttpRequest.Builder noCsrf = server.request("/v1/business/hours").header("Cookie", cookie)
                .header("Origin", self).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(hours("monday", "08:00-12:00").encode()));
        assertThat(server.send(noCsrf).statusCode()).isEqualTo(403);
        assertThat(monday()).containsExactly("08:00-18:00");

        HttpResponse<String> ok = server.send(server.request("/v1/business/hours").header("Cookie", cookie)
                .header("Origin", self).header(DashboardAuth.CSRF_HEADER, csrf)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(hours("monday", "08:00-12:00").encode())));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ApiTestServer.json(ok).getJsonObject("hours").getJsonArray("monday").getList())
                .containsExactly("08:00-12:00");
        assertThat(server.fixture.database().dsl().fetchValue(
                "SELECT actor FROM audit_log WHERE action = 'HOURS' ORDER BY id DESC LIMIT 1"))
                .isEqualTo("owner via dashboard");
    }

    /** The load generator plans its callers' days by it; the profile file sets it, so it is only read here. */
    @Test
    void theSettingsSayTheDailyLimitOfTheProfile() {
        HttpResponse<String> response = server.send(server.request("/v1/business/settings")
                .header("Authorization", "Bearer " + ApiTestServer.ADMIN_TOKEN).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiTestServer.json(response).getInteger("max_bookings_per_day"))
                .isEqualTo(server.fixture.scheduling().profile().rules().maxBookingsPerDay());
    }

    @Test
    void hoursThatCloseBeforeTheyOpenAreA400NamingTheField() {
        HttpResponse<String> response = put("/v1/business/hours", hours("monday", "18:00-08:00"),
                ApiTestServer.ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject body = ApiTestServer.json(response);
        assertThat(body.getString("field")).isEqualTo("hours.monday[0]");
        assertThat(body.getString("error")).startsWith("hours.monday[0]: ").contains("opens before it closes");
        assertThat(monday()).containsExactly("08:00-18:00");

        assertThat(ApiTestServer.json(put("/v1/business/hours", new JsonObject().put("hours",
                new JsonObject().put("funday", new JsonArray())), ApiTestServer.ADMIN_TOKEN)).getString("field"))
                .isEqualTo("hours");
        assertThat(ApiTestServer.json(put("/v1/business/blackouts", new JsonObject().put("blackout_dates",
                new JsonArray().add("tomorrow")), ApiTestServer.ADMIN_TOKEN)).getString("field"))
                .isEqualTo("blackout_dates[0]");
        assertThat(put("/v1/business/faq/parking", new JsonObject().put("answer", "Round the back."),
                ApiTestServer.ADMIN_TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void aBlackoutDayAddedOverHttpIsNoLongerOffered() {
        SlotQuery tuesday = SlotQuery.on("general-repair", TUESDAY, 20);
        assertThat(server.fixture.scheduling().availability().findSlots(tuesday)).isNotEmpty();

        HttpResponse<String> response = put("/v1/business/blackouts", new JsonObject().put("blackout_dates",
                new JsonArray().add(TUESDAY.toString()).add("2026-12-25")), ApiTestServer.ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiTestServer.json(response).getJsonArray("blackout_dates").getList())
                .containsExactly(TUESDAY.toString(), "2026-12-25");
        assertThat(server.fixture.scheduling().availability().findSlots(tuesday)).isEmpty();
    }

    @Test
    void aChangedFaqAnswerIsWhatTheNextChatReplySays() {
        assertThat(ask("web-before", "How can I pay?")).contains("bank transfer");

        HttpResponse<String> response = put("/v1/business/faq/payment",
                new JsonObject().put("answer", "Card or cash only, no bank transfers."), ApiTestServer.ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);

        assertThat(ask("web-after", "How can I pay?")).contains("Card or cash only, no bank transfers.");
        JsonObject payment = ApiTestServer.json(server.get("/v1/business/settings")).getJsonArray("faq").stream()
                .map(JsonObject.class::cast).filter(f -> f.getString("topic").equals("payment")).findFirst()
                .orElseThrow();
        assertThat(payment.getBoolean("changed")).isTrue();
        assertThat(payment.getJsonArray("keywords").getList()).contains("pay", "card");
    }

    private String ask(String session, String text) {
        HttpResponse<String> response = server.postJson("/v1/chat", new JsonObject().put("session_id", session)
                .put("channel", "web").put("from", "+447700900123").put("text", text).encode());
        assertThat(response.statusCode()).isEqualTo(200);
        return ApiTestServer.json(response).getString("reply");
    }

    private java.util.List<Object> monday() {
        return ApiTestServer.json(server.get("/v1/business/settings")).getJsonObject("hours").getJsonArray("monday")
                .getList();
    }

    private static JsonObject hours(String day, String interval) {
        return new JsonObject().put("hours", new JsonObject().put(day, new JsonArray().add(interval)));
    }

    private HttpResponse<String> put(String path, JsonObject body, String token) {
        HttpRequest.Builder request = server.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.encode()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return server.send(request);
    }
}
