package io.switchboard.telephony.http;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.SlotSnapshot;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Channel;
import io.switchboard.models.Intent;
import io.switchboard.telephony.calllog.CallLogStore;
import io.switchboard.telephony.calllog.ConversationLog;
import io.switchboard.telephony.voice.MissedCalls;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner dashboard's sign-in and the admin APIs it reads: a session cookie opens them like the token does, every
 * change needs the session's CSRF token and this site's origin, and signing out closes the session everywhere.
 */
class DashboardApiTest {

    private static ApiTestServer server;
    private static String self;

    @BeforeAll
    static void start() {
        server = new ApiTestServer();
        var dsl = server.fixture.scheduling().database().dsl();
        var zone = server.fixture.scheduling().profile().timezone();
        server.plane.mount(new MissedCallsApi(new MissedCalls(dsl, server.fixture.clock()), server.fixture.clock(),
                zone, server.plane.workers())::mount);
        server.plane.mount(new CallLogApi(new CallLogStore(dsl), server.fixture.clock(), zone,
                server.plane.workers())::mount);
        URI uri = server.request("/").build().uri();
        self = uri.getScheme() + "://" + uri.getRawAuthority();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aWrongTokenOpensNoSessionAndNoCookieOpensNothing() {
        HttpResponse<String> wrong = signIn("not-the-token-at-all");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        assertThat(server.send(server.request("/v1/appointments?date=2026-11-23").GET()).statusCode()).isEqualTo(401);
        assertThat(server.send(server.request("/v1/appointments?date=2026-11-23")
                .header("Cookie", DashboardAuth.COOKIE + "=made-up").GET()).statusCode()).isEqualTo(401);
        assertThat(server.send(server.request("/admin/session").GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieThatOpensTheAdminApis() {
        HttpResponse<String> response = signIn(ApiTestServer.ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(DashboardAuth.COOKIE + "=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/").doesNotContain(ApiTestServer.ADMIN_TOKEN);
        String cookie = setCookie.split(";", 2)[0];
        String csrf = ApiTestServer.json(response).getString("csrf_token");
        assertThat(csrf).hasSizeGreaterThan(30);

        HttpResponse<String> appointments = server.send(server.request("/v1/appointments?date=2026-11-23")
                .header("Cookie", cookie).GET());
        assertThat(appointments.statusCode()).isEqualTo(200);
        HttpResponse<String> session = server.send(server.request("/admin/session").header("Cookie", cookie).GET());
        assertThat(ApiTestServer.json(session).getString("csrf_token")).isEqualTo(csrf);
    }

    @Test
    void aChangeNeedsTheCsrfTokenAndThisSitesOrigin() {
        new MissedCalls(server.fixture.scheduling().database().dsl(), server.fixture.clock())
                .record("CA-missed-1", "+447700900123", "busy");
        HttpResponse<String> signedIn = signIn(ApiTestServer.ADMIN_TOKEN);
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String csrf = ApiTestServer.json(signedIn).getString("csrf_token");

        assertThat(done(cookie, null, self).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(done(cookie, "wrong", self).statusCode()).as("wrong CSRF token").isEqualTo(403);
        assertThat(done(cookie, csrf, "https://evil.example").statusCode()).as("cross-site").isEqualTo(403);
        assertThat(done(cookie, csrf, null).statusCode()).as("no origin at all").isEqualTo(403);
        assertThat(listed(cookie).getJsonObject(0).getString("done_at")).isNull();

        assertThat(done(cookie, csrf, self).statusCode()).isEqualTo(204);
        assertThat(listed(cookie).getJsonObject(0).getString("done_at")).isNotNull();
        // The token (no cookie) is not ambient authority: no CSRF token needed.
        assertThat(server.send(server.request("/v1/missed-calls/CA-missed-1/done")
                .header("Authorization", "Bearer " + ApiTestServer.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
        assertThat(server.send(server.request("/v1/missed-calls/CA-none/done")
                .header("Authorization", "Bearer " + ApiTestServer.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
        assertThat(server.send(server.request("/v1/missed-calls/CA-missed-1/done")
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).as("anonymous").isEqualTo(401);
    }

    @Test
    void signingOutClosesTheSession() {
        HttpResponse<String> signedIn = signIn(ApiTestServer.ADMIN_TOKEN);
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String csrf = ApiTestServer.json(signedIn).getString("csrf_token");

        HttpResponse<String> out = server.send(server.request("/admin/session").header("Cookie", cookie)
                .header(DashboardAuth.CSRF_HEADER, csrf).header("Origin", self).DELETE());
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(server.send(server.request("/v1/missed-calls").header("Cookie", cookie).GET()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aCrossSiteSignInIsRefused() {
        HttpResponse<String> response = server.send(server.request("/admin/session")
                .header("Content-Type", "application/json").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("token", ApiTestServer.ADMIN_TOKEN)
                        .encode())));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(server.send(server.request("/admin/session").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + ApiTestServer.ADMIN_TOKEN))).statusCode())
                .isEqualTo(415);
    }

    @Test
    void textConversationsAreLoggedAndCountedInTheMetricsPerChannel() {
        ConversationLog log = new ConversationLog(server.fixture.scheduling().database().dsl(),
                server.fixture.scheduling().profile().timezone());
        var at = server.fixture.clock().instant().minus(Duration.ofMinutes(30));
        TurnRequest first = TurnRequest.text(Channel.WEB, "web-session-1", null, "I need a plumber");
        log.append(first, result("When would suit you?", DialogState.COLLECTING, Intent.BOOK), at, 12);
        var booked = ((io.switchboard.scheduling.booking.BookingResult.Success) server.fixture.scheduling().bookings()
                .book(server.fixture.request("general-repair", ApiTestServer.NOW.plusDays(1).withHour(10),
                        "+447700900555"))).appointment();
        log.append(TurnRequest.text(Channel.WEB, "web-session-1", null, "yes"),
                new TurnResult("engine-id", "You're booked.", Intent.BOOK, DialogState.BOOKED,
                        new SlotSnapshot(null, null, null, null, null, null, null, false), booked,
                        List.of(new io.switchboard.dialog.DialogAction.Booked(booked)), Expectation.NONE),
                at.plusSeconds(95), 20);
        log.append(TurnRequest.text(Channel.SMS, "sms-session", "+447700900321", "what are your hours"),
                result("We open at 8.", DialogState.COLLECTING, Intent.QUESTION), at, 5);
        log.failed(Channel.SMS, io.switchboard.dialog.metrics.DependencyKind.DIALOG, at);

        JsonObject metrics = ApiTestServer.json(server.get("/v1/conversation-metrics?days=7"));
        JsonObject web = channel(metrics.getJsonArray("channels"), "web");
        JsonObject sms = channel(metrics.getJsonArray("channels"), "sms");
        assertThat(web.getInteger("conversations")).isEqualTo(1);
        assertThat(web.getInteger("booked")).isEqualTo(1);
        assertThat(web.getDouble("conversion")).isEqualTo(1.0);
        assertThat(web.getLong("median_seconds_to_booking")).isEqualTo(95);
        assertThat(sms.getInteger("booked")).isZero();
        assertThat(sms.getJsonObject("errors").getInteger("dialog")).isEqualTo(1);
        assertThat(metrics.getJsonArray("daily").size()).isEqualTo(8);

        JsonObject calls = ApiTestServer.json(server.get("/v1/calls?days=1"));
        JsonObject chat = calls.getJsonArray("calls").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("channel").equals("web")).findFirst().orElseThrow();
        assertThat(chat.getString("outcome")).isEqualTo("booked");
        assertThat(chat.getString("appointment_id")).isEqualTo(booked.id().toString());
        assertThat(chat.getInteger("turns")).isEqualTo(2);
        JsonObject transcript = ApiTestServer.json(server.get("/v1/calls/" + chat.getString("id")));
        assertThat(transcript.getJsonArray("turns").getJsonObject(0).getString("heard")).isEqualTo("I need a plumber");
        assertThat(transcript.getJsonArray("turns").getJsonObject(1).getString("said")).isEqualTo("You're booked.");
        assertThat(chat.getString("id")).doesNotContain("web-session-1");
    }

    @Test
    void failedCalendarPushesAndOwnerAlertsAreListed() {
        JsonObject pushes = ApiTestServer.json(server.get("/v1/calendar-pushes"));
        assertThat(pushes.getJsonArray("pushes")).isNotNull();
        JsonObject alerts = ApiTestServer.json(server.get("/v1/owner-alerts?days=7"));
        assertThat(alerts.getJsonArray("alerts")).isNotNull();
        assertThat(server.get("/v1/owner-alerts?days=0").statusCode()).isEqualTo(400);
        assertThat(server.send(server.request("/v1/calendar-pushes").GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void thePagesAreServedWithAStrictContentSecurityPolicy() {
        for (String page : List.of("/admin", "/try")) {
            HttpResponse<String> response = server.send(server.request(page).GET());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(p ->
                    assertThat(p).contains("script-src 'self'").contains("frame-ancestors 'none'"));
        }
    }

    private static TurnResult result(String reply, DialogState state, Intent intent) {
        return new TurnResult("engine-id", reply, intent, state,
                new SlotSnapshot(null, null, null, null, null, null, null, false), null, List.of(), Expectation.NONE);
    }

    private static JsonObject channel(JsonArray channels, String name) {
        return channels.stream().map(JsonObject.class::cast).filter(c -> c.getString("channel").equals(name))
                .findFirst().orElseThrow();
    }

    private static JsonArray listed(String cookie) {
        return ApiTestServer.json(server.send(server.request("/v1/missed-calls").header("Cookie", cookie).GET()))
                .getJsonArray("missed_calls");
    }

    private static HttpResponse<String> done(String cookie, String csrf, String origin) {
        HttpRequest.Builder request = server.request("/v1/missed-calls/CA-missed-1/done").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody());
        if (csrf != null) {
            request.header(DashboardAuth.CSRF_HEADER, csrf);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return server.send(request);
    }

    private static HttpResponse<String> signIn(String token) {
        return server.send(server.request("/admin/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("token", token).encode())));
    }
}
