package io.switchboard.telephony.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.LoggingNotifier;
import io.switchboard.dialog.PhoneVerifier;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.dialog.testing.TextedCodes;
import io.switchboard.models.Appointment;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.identity.CodePolicy;
import io.switchboard.scheduling.identity.OneTimeCodes;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import io.switchboard.telephony.http.ControlPlane;
import io.switchboard.telephony.http.HttpSettings;
import io.switchboard.telephony.messaging.ProcessedMessages;
import io.switchboard.telephony.ratelimit.InboundLimits;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slack end to end: signed Events API requests into {@code POST /slack/events}, the real Bolt SDK and dialog engine,
 * replies and staff pings sent by the SDK to a loopback fake of Slack's Web API.
 */
class SlackChannelTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String STAFF = "CSTAFF";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private SchedulingFixture fixture;
    private FakeSlackWebApi slack;
    private Vertx vertx;
    private ControlPlane plane;
    private ExecutorService turns;
    private URI events;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> transcript = new ArrayList<>();
    private int eventNumber;

    @BeforeEach
    void start() throws Exception {
        fixture = new SchedulingFixture(TestProfiles.sample(), LocalDateTime.of(2026, 11, 23, 9, 0));
        slack = new FakeSlackWebApi();
        open(PhoneVerifier.unavailable(), SlackOwnerMapping.NONE);
    }

    /** The channel over the fixture, with {@code codes} proving numbers and {@code owners} mapped to the owner. */
    private void open(PhoneVerifier codes, SlackOwnerMapping owners) {
        var scheduling = fixture.scheduling();
        var engine = Receptionist.create(scheduling, new InMemorySessionStore(scheduling.clock()),
                DisabledLlmFallback.INSTANCE, new LoggingNotifier(), Receptionist.DEFAULT_SESSION_TIMEOUT,
                Metrics.disabled(), codes);
        SlackSettings settings = new SlackSettings("xoxb-1111-2222-testtoken", SECRET, Optional.empty(), slack.apiUrl(),
                Optional.of(STAFF), owners);
        turns = Executors.newSingleThreadExecutor();
        var sdk = SlackApp.sdk(settings);
        SlackIdentities identities = SlackIdentities.of(owners, sdk.methods(settings.botToken()), scheduling.clock(),
                () -> scheduling.profile().owner().phone());
        SlackApp app = new SlackApp(settings, sdk, new SlackConversations(engine,
                new ProcessedMessages(fixture.database().dsl(), scheduling.clock()),
                InboundLimits.inMemory(scheduling.clock()), new SlackBlocks(scheduling.profile().timezone()),
                identities), turns);
        vertx = Vertx.vertx();
        plane = new ControlPlane(vertx, new HttpSettings("127.0.0.1", 0, 2), "Bristol Plumbing");
        plane.mount(new SlackEventsWebhook(app, plane.workers())::mount);
        events = URI.create("http://127.0.0.1:" + plane.start() + SlackEventsWebhook.PATH);
        plane.markReady();
    }

    @AfterEach
    void stop() {
        close();
        slack.close();
        fixture.close();
    }

    private void close() {
        turns.shutdownNow();
        plane.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private void reopen(PhoneVerifier codes, SlackOwnerMapping owners) {
        close();
        open(codes, owners);
    }

    @Test
    void aDirectMessageConversationBooksWithButtonsForTheSlotsAndTheConfirmation() throws Exception {
        FakeSlackWebApi.Posted offer = dm("Hi, my kitchen sink is blocked, can you do a drain cleaning tomorrow?");
        JsonArray buttons = buttons(offer);
        assertThat(buttons).as(String.join("\n", transcript)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(buttons.getJsonObject(0).getJsonObject("text").getString("text")).matches("Tue \\d\\d:\\d\\d");
        assertThat(offer.token()).isEqualTo("Bearer xoxb-1111-2222-testtoken");
        String picked = buttons.getJsonObject(0).getJsonObject("text").getString("text");

        press(buttons.getJsonObject(0));
        dm("Jane Doe");
        dm("07700 900123");
        FakeSlackWebApi.Posted confirm = dm("12 Park Street, Bristol BS1 5HX");
        JsonArray yesNo = buttons(confirm);
        assertThat(yesNo).as(String.join("\n", transcript)).extracting(b -> ((JsonObject) b).getString("value"))
                .containsExactly("yes", "no");
        FakeSlackWebApi.Posted booked = press(yesNo.getJsonObject(0));

        assertThat(booked.text()).as(String.join("\n", transcript)).containsIgnoringCase("booked");
        List<Appointment> stored = fixture.scheduling().appointments().startingBetween(
                fixture.at(LocalDateTime.of(2026, 11, 24, 0, 0)).toInstant(),
                fixture.at(LocalDateTime.of(2026, 11, 25, 0, 0)).toInstant());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).channel().name()).isEqualTo("SLACK");
        assertThat(stored.get(0).serviceId()).isEqualTo("drain-cleaning");
        assertThat(stored.get(0).customer().phone()).isEqualTo("+447700900123");
        assertThat(picked).endsWith(stored.get(0).slot().start().toLocalTime().toString());
    }

    @Test
    void aRetriedEventIsAnsweredOnceAndItsRetryStillGets200() throws Exception {
        String body = messageEvent("Ev-retry", "U1", "what are your opening hours?");

        assertThat(post(body, now(), null).statusCode()).isEqualTo(200);
        assertThat(slack.next(WAIT).channel()).isEqualTo("D-U1");
        assertThat(post(body, now(), "1").statusCode()).isEqualTo(200);
        assertThat(post(body, now(), "2").statusCode()).isEqualTo(200);

        assertThat(slack.postsMoreWithin(Duration.ofSeconds(2))).isFalse();
    }

    @Test
    void unsignedForgedAndStaleRequestsAreRefusedAndUrlVerificationIsAnswered() throws Exception {
        String body = messageEvent("Ev-forged", "U1", "hello");
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(events)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(events)
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", Long.toString(now()))
                .header("X-Slack-Signature", sign("not-the-secret", now(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> stale = post(body, now() - 6 * 60, null);

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(slack.postsMoreWithin(Duration.ofSeconds(1))).isFalse();

        HttpResponse<String> challenge = post(new JsonObject().put("token", "t").put("type", "url_verification")
                .put("challenge", "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P").encode(), now(), null);
        assertThat(challenge.statusCode()).isEqualTo(200);
        assertThat(challenge.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void aSlackUserCannotCancelABookingByTypingItsNumber() throws Exception {
        BookingResult booked = fixture.scheduling().bookings().book(new BookingRequest(null, "general-repair",
                fixture.at(LocalDateTime.of(2026, 11, 24, 10, 0)), "+447700900123", "Rita Example",
                "14 Gloucester Rd", "tap", false, SchedulingFixture.TEST_ACTOR));
        Appointment rita = ((BookingResult.Success) booked).appointment();

        dm("cancel my appointment");
        dm("my number is 07700 900123");
        dm("yes");

        assertThat(fixture.scheduling().appointments().find(rita.id()).orElseThrow().status().name())
                .as(String.join("\n", transcript)).isEqualTo("BOOKED");
        assertThat(String.join("\n", transcript)).doesNotContain("Gloucester", "Rita");
    }

    @Test
    void aSlackUserAskingToCancelSomeoneElsesBookingGetsTheCodeFlowAndCancelsOnlyWithTheCode() throws Exception {
        TextedCodes codes = new TextedCodes(new OneTimeCodes(fixture.database().dsl(), fixture.scheduling().clock(),
                CodePolicy.forRegion("GB")));
        reopen(codes, SlackOwnerMapping.NONE);
        Appointment rita = ritasBooking();

        FakeSlackWebApi.Posted asked = dm("cancel my appointment");
        assertThat(asked.text()).as(String.join("\n", transcript)).contains("number").contains("code");
        FakeSlackWebApi.Posted sent = dm("it's under 07700 900123");
        assertThat(sent.text()).as(String.join("\n", transcript)).contains("code")
                .doesNotContain("Gloucester", "Rita", "10:00");
        String code = codes.lastCodeTo("+447700900123");
        dm("yes");
        dm(code.equals("000000") ? "111111" : "000000");
        assertThat(status(rita)).as(String.join("\n", transcript)).isEqualTo("BOOKED");

        FakeSlackWebApi.Posted proven = dm(code);
        assertThat(proven.text()).as(String.join("\n", transcript)).contains("10:00");
        FakeSlackWebApi.Posted done = press(buttons(proven).getJsonObject(0));

        assertThat(done.text()).as(String.join("\n", transcript)).containsIgnoringCase("cancelled");
        assertThat(status(rita)).isEqualTo("CANCELLED");
    }

    @Test
    void aWorkspaceAdminMappedToTheOwnerGetsTheBriefingOnlyAfterThePinAndOthersNever() throws Exception {
        reopen(PhoneVerifier.unavailable(), new SlackOwnerMapping(java.util.Set.of(), true));
        slack.makeAdmin("U9");
        ritasBooking();
        String pin = fixture.scheduling().profile().owner().pin();

        FakeSlackWebApi.Posted stranger = dmFrom("U1", "what's on tomorrow?");
        FakeSlackWebApi.Posted strangersPin = dmFrom("U1", pin);
        assertThat(stranger.text()).as(String.join("\n", transcript)).contains("only the owner");
        assertThat(strangersPin.text()).doesNotContain("Rita");

        FakeSlackWebApi.Posted asked = dmFrom("U9", "what's on tomorrow?");
        assertThat(asked.text()).as(String.join("\n", transcript)).contains("PIN").doesNotContain("Rita");
        assertThat(dmFrom("U9", "000000").text()).doesNotContain("Rita");
        FakeSlackWebApi.Posted briefed = dmFrom("U9", pin);

        assertThat(briefed.text()).as(String.join("\n", transcript)).contains("Rita Example");
        assertThat(slack.userLookups()).as("one users.info per user, kept for the conversation").isEqualTo(2);
    }

    @Test
    void aMentionAskingForAPersonPingsTheStaffChannel() throws Exception {
        String body = new JsonObject().put("type", "event_callback").put("team_id", "T1").put("event_id", "Ev-mention")
                .put("event", new JsonObject().put("type", "app_mention").put("user", "U7").put("channel", "C-general")
                        .put("text", "<@" + FakeSlackWebApi.BOT_USER + "> can I speak to a real person please?")
                        .put("ts", "1.2")).encode();

        assertThat(post(body, now(), null).statusCode()).isEqualTo(200);

        List<FakeSlackWebApi.Posted> posts = List.of(slack.next(WAIT), slack.next(WAIT));
        assertThat(posts).extracting(FakeSlackWebApi.Posted::channel).containsExactlyInAnyOrder("C-general", STAFF);
        FakeSlackWebApi.Posted ping = posts.stream().filter(p -> p.channel().equals(STAFF)).findFirst().orElseThrow();
        assertThat(ping.text()).contains("<@U7>").contains("real person");
    }

    private Appointment ritasBooking() {
        BookingResult booked = fixture.scheduling().bookings().book(new BookingRequest(null, "general-repair",
                fixture.at(LocalDateTime.of(2026, 11, 24, 10, 0)), "+447700900123", "Rita Example",
                "14 Gloucester Rd", "tap", false, SchedulingFixture.TEST_ACTOR));
        return ((BookingResult.Success) booked).appointment();
    }

    private String status(Appointment a) {
        return fixture.scheduling().appointments().find(a.id()).orElseThrow().status().name();
    }

    // --- Slack's side of the wire ---

    private FakeSlackWebApi.Posted dm(String text) throws Exception {
        return dmFrom("U1", text);
    }

    private FakeSlackWebApi.Posted dmFrom(String user, String text) throws Exception {
        HttpResponse<String> r = post(messageEvent("Ev-" + (++eventNumber), user, text), now(), null);
        assertThat(r.statusCode()).isEqualTo(200);
        FakeSlackWebApi.Posted reply = slack.next(WAIT);
        transcript.add(user + " -> " + text + "\n<- " + reply.text());
        return reply;
    }

    private FakeSlackWebApi.Posted press(JsonObject button) throws Exception {
        JsonObject payload = new JsonObject().put("type", "block_actions").put("team", new JsonObject().put("id", "T1"))
                .put("user", new JsonObject().put("id", "U1")).put("channel", new JsonObject().put("id", "D-U1"))
                .put("api_app_id", "A1").put("trigger_id", "1.2.3").put("token", "t")
                .put("actions", new JsonArray().add(new JsonObject().put("type", "button")
                        .put("action_id", button.getString("action_id")).put("block_id", "b1")
                        .put("value", button.getString("value")).put("action_ts", "17000000" + (++eventNumber) + ".5")));
        String body = "payload=" + URLEncoder.encode(payload.encode(), StandardCharsets.UTF_8);
        long ts = now();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(events)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(ts))
                .header("X-Slack-Signature", sign(SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        FakeSlackWebApi.Posted reply = slack.next(WAIT);
        transcript.add("-> [" + button.getString("value") + "]\n<- " + reply.text());
        return reply;
    }

    private static JsonArray buttons(FakeSlackWebApi.Posted p) {
        for (Object b : p.blocks()) {
            JsonObject block = (JsonObject) b;
            if ("actions".equals(block.getString("type"))) {
                return block.getJsonArray("elements");
            }
        }
        return new JsonArray();
    }

    private static String messageEvent(String eventId, String user, String text) {
        return new JsonObject().put("token", "t").put("team_id", "T1").put("api_app_id", "A1")
                .put("type", "event_callback").put("event_id", eventId).put("event_time", now())
                .put("event", new JsonObject().put("type", "message").put("channel", "D-" + user).put("user", user)
                        .put("text", text).put("ts", now() + ".0001").put("channel_type", "im")).encode();
    }

    private HttpResponse<String> post(String body, long timestamp, String retryNum) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(events)
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", sign(SECRET, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (retryNum != null) {
            b.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Slack's v0 signature: HMAC-SHA256 of {@code v0:<timestamp>:<body>} with the signing secret. */
    private static String sign(String secret, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v0=" + HexFormat.of().formatHex(
                mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** Bolt checks the timestamp against the wall clock, as Slack's requests are stamped with it. */
    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
