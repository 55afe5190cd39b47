package io.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.switchboard.dialog.session.RedisSessionStore;
import io.switchboard.dialog.session.SessionKey;
import io.switchboard.dialog.testing.LocalChatServer;
import io.switchboard.dialog.testing.RedisServerProcess;
import io.switchboard.media.simulator.SimulatedCall;
import io.switchboard.media.simulator.StreamCredentials;
import io.switchboard.models.Channel;
import io.switchboard.telephony.messaging.ProviderStub;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code switchboard.jar}, started as a user starts it, with every channel configured: SMS and WhatsApp
 * against loopback fakes of the Twilio and Graph APIs, the OpenAI-compatible LLM fallback against a loopback fake,
 * sessions in a real Redis, the embedded PostgreSQL in a fresh data directory. What the unit tests cannot see is
 * checked here: that the shaded jar's classpath holds what the code needs (it once died at start-up with SMS on, from
 * an old httpcore shaded in), and that the wiring in {@code Main} reaches each adapter.
 */
class PackagedServerIT {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String AUTH_TOKEN = "it-auth-token";
    private static final String BUSINESS_NUMBER = "+441174960123";
    private static final String OWNER = "+447700900999"; // the bundled sample profile's owner
    private static final String CALLER = "+447700900321";
    private static final String WHATSAPP_VERIFY_TOKEN = "it-verify-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RedisServerProcess redis;
    private static LocalChatServer llm;
    private static ProviderStub providers;
    private static ServerProcess server;
    private static HttpClient http;

    @BeforeAll
    static void startServerWithEveryChannel() throws Exception {
        redis = RedisServerProcess.start();
        llm = new LocalChatServer(LocalChatServer.Api.OPENAI);
        providers = new ProviderStub();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SWITCHBOARD_NOW", "2026-11-23T09:00");
        env.put("REDIS_URL", redis.url());
        env.put("TWILIO_ACCOUNT_SID", ACCOUNT);
        env.put("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
        env.put("TWILIO_FROM_NUMBER", BUSINESS_NUMBER);
        env.put("TWILIO_API_BASE_URL", providers.baseUrl().toString());
        env.put("WHATSAPP_VERIFY_TOKEN", WHATSAPP_VERIFY_TOKEN);
        env.put("WHATSAPP_APP_SECRET", "it-app-secret");
        env.put("WHATSAPP_ACCESS_TOKEN", "it-access-token");
        env.put("WHATSAPP_PHONE_NUMBER_ID", "1234567890");
        env.put("WHATSAPP_GRAPH_BASE_URL", providers.baseUrl().toString());
        env.put("SWITCHBOARD_LLM_PROVIDER", "openai");
        env.put("OPENAI_API_KEY", "it-openai-key");
        env.put("OPENAI_BASE_URL", llm.baseUrl());
        env.put("SWITCHBOARD_ADMIN_TOKEN", "it-admin-token");
        server = ServerProcess.start("packaged", env);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        // Each in its own try: a failed start must still stop what did start.
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            try {
                if (redis != null) {
                    redis.close();
                }
            } finally {
                if (llm != null) {
                    llm.close();
                }
                if (providers != null) {
                    providers.close();
                }
                if (http != null) {
                    http.close();
                }
            }
        }
    }

    @Test
    void startsWithEveryChannelConfigured() {
        assertThat(server.isAlive()).isTrue();
        assertThat(server.log())
                .contains("sessions=redis")
                .contains("LLM fallback on")
                .contains("Switchboard ready")
                .doesNotContain("NoClassDefFoundError")
                .doesNotContain("NoSuchMethodError");
    }

    /**
     * An emergency texted in over signed webhooks: the owner's alert goes out through the Twilio REST API (the fake
     * records it), the conversation lives in Redis, and the booking it ends in is listed by the HTTP API.
     */
    @Test
    void anEmergencyTextedInBooksAndAlertsTheOwnerThroughTheTwilioApi() throws Exception {
        List<String> transcript = new ArrayList<>();
        String first = sms(transcript, "Help, a burst pipe is flooding my kitchen!");
        assertThat(first).as(String.join("\n", transcript)).isNotBlank();
        try (RedisClient client = RedisClient.create(redis.url());
             StatefulRedisConnection<String, String> raw = client.connect()) {
            assertThat(raw.sync().exists(RedisSessionStore.redisKey(new SessionKey(Channel.SMS, CALLER))))
                    .as("the conversation is kept in Redis").isEqualTo(1L);
        }

        List<ProviderStub.Sent> alerts = providers.awaitSent(1);
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.provider()).isEqualTo("twilio");
            assertThat(alert.to()).isEqualTo(OWNER);
            assertThat(alert.text()).startsWith("EMERGENCY").containsIgnoringCase("burst pipe");
            assertThat(alert.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString((ACCOUNT + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        });

        sms(transcript, "yes");
        sms(transcript, "Rita Moss");
        sms(transcript, "yes");
        sms(transcript, "Flat 2, Broad Street Bristol BS1 2EP");
        String done = sms(transcript, "yes");
        assertThat(done).as(String.join("\n", transcript)).containsIgnoringCase("booked");

        JsonNode appointments = appointmentsOn("2026-11-23");
        assertThat(appointments).as(appointments.toString()).singleElement().satisfies(a -> {
            assertThat(a.toString()).contains("Rita Moss").contains("emergency-callout").contains(CALLER);
        });
        assertThat(providers.sent()).as("the owner is alerted once").hasSize(1);
    }

    @Test
    void aCallOverTheMediaWebSocketHearsTheGreeting() throws Exception {
        String callSid = "CA" + "0123456789abcdef".repeat(2);
        // As Twilio does it: the signed voice webhook first, then the stream with its signature and per-call token.
        StreamCredentials credentials = voiceWebhook(callSid, "+447700900654");
        try (SimulatedCall call = SimulatedCall.dial(http, server.mediaUri(), callSid, "+447700900654", credentials)) {
            int greetingFrames = call.awaitReplyPlayed(Duration.ofSeconds(30));
            // The greeting names the business: a second or more of 20 ms frames, synthesised by MaryTTS in the jar.
            assertThat(greetingFrames).isGreaterThan(50);
        }
    }

    @Test
    void theWhatsAppWebhookAnswersMetasSubscriptionHandshake() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri(
                        "/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=" + WHATSAPP_VERIFY_TOKEN
                                + "&hub.challenge=1158201444")).GET().timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1158201444");
    }

    @Test
    void aStreamWithoutTheCallsTokenIsRefusedBeforeItIsAnswered() throws Exception {
        String callSid = "CA" + "fedcba9876543210".repeat(2);
        StreamCredentials genuine = voiceWebhook(callSid, "+447700900655");
        try (SimulatedCall call = SimulatedCall.dial(http, server.mediaUri(), callSid, "+447700900655",
                genuine.withToken(null))) {
            assertThat(call.awaitClosed(Duration.ofSeconds(10))).isEqualTo(1008);
            assertThat(call.mediaFrames()).as("no greeting was played").isZero();
        }
    }

    /** Twilio's signed incoming-call webhook, then what Twilio would present on the stream. */
    private static StreamCredentials voiceWebhook(String callSid, String from) throws Exception {
        return StreamCredentials.viaVoiceWebhook(http, server.uri("/twilio/voice"),
                server.environment().get("SWITCHBOARD_PUBLIC_URL") + "/twilio/voice", AUTH_TOKEN, callSid, from,
                BUSINESS_NUMBER);
    }

    /** Posts one signed inbound SMS from {@link #CALLER} and returns the TwiML reply's message text. */
    private static String sms(List<String> transcript, String body) throws Exception {
        String sid = "SM%032x".formatted(0xabc000L + transcript.size());
        TwilioSmsWebhook twilio = new TwilioSmsWebhook(ACCOUNT, AUTH_TOKEN,
                server.environment().get("SWITCHBOARD_PUBLIC_URL"), BUSINESS_NUMBER, http);
        HttpResponse<String> response = http.send(twilio.request(server.uri("/"), sid, CALLER, body).build(),
                HttpResponse.BodyHandlers.ofString());
        transcript.add("sms -> " + body);
        transcript.add("   <- HTTP " + response.statusCode() + " " + response.body());
        assertThat(response.statusCode()).as(String.join("\n", transcript)).isEqualTo(200);
        return TwilioSmsWebhook.messageText(response.body());
    }

    private static JsonNode appointmentsOn(String date) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri("/v1/appointments?date=" + date))
                .header("Authorization", "Bearer it-admin-token")
                .GET().timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("appointments");
    }
}
