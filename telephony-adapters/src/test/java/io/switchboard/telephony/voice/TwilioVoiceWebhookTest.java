package io.switchboard.telephony.voice;

import io.switchboard.models.settings.SettingsSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.telephony.twilio.TwilioSignatureVerifier;
import io.switchboard.telephony.twilio.TwimlResponses;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The voice webhook behind a real Vert.x server on loopback, called the way Twilio calls it. */
class TwilioVoiceWebhookTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final URI PUBLIC = URI.create("https://switchboard.example.co.uk");

    private static Vertx vertx;
    private static URI verified;
    private static URI unverified;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final CallTokens TOKENS = new CallTokens("k".repeat(32).getBytes(StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC), CallTokens.DEFAULT_LIFETIME);

    @BeforeAll
    static void startServers() throws Exception {
        vertx = Vertx.vertx();
        TwilioVoiceSettings settings = TwilioVoiceSettings.from(SettingsSource.of(Map.of(
                "TWILIO_AUTH_TOKEN", TOKEN, "SWITCHBOARD_PUBLIC_URL", PUBLIC.toString())));
        verified = listen(TwilioVoiceWebhook.create(settings, TOKENS));
        unverified = listen(TwilioVoiceWebhook.create(TwilioVoiceSettings.from(SettingsSource.of(Map.of(
                "SWITCHBOARD_PUBLIC_URL", PUBLIC.toString(), "SWITCHBOARD_TWILIO_VERIFY", "false"))), TOKENS));
    }

    private static URI listen(TwilioVoiceWebhook webhook) throws Exception {
        Router router = Router.router(vertx);
        webhook.mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Map<String, String> callParams() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("CallSid", "CA5f0e8ae6ade43cb3c0ce4525424e404f");
        p.put("AccountSid", "AC0000000000000000000000000000000a");
        p.put("From", "+447700900123");
        p.put("To", "+441174960000");
        p.put("CallStatus", "ringing");
        p.put("Direction", "inbound");
        return p;
    }

    /** Twilio's documented scheme: HMAC-SHA1 of the URL followed by every sorted parameter name and value. */
    private static String sign(String token, String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> post(URI base, Map<String, String> params, String signature) throws Exception {
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(TwilioVoiceWebhook.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (signature != null) {
            request.header(TwilioSignatureVerifier.SIGNATURE_HEADER, signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedCallIsConnectedToTheMediaStreamWithItsParameters() throws Exception {
        Map<String, String> params = callParams();
        HttpResponse<String> response = post(verified, params, sign(TOKEN, PUBLIC + "/twilio/voice", params));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/xml"));
        assertThat(response.body())
                .contains("<Connect>", "<Stream url=\"wss://switchboard.example.co.uk/media\">")
                .contains("<Parameter name=\"CallSid\" value=\"CA5f0e8ae6ade43cb3c0ce4525424e404f\"/>")
                .contains("<Parameter name=\"From\" value=\"+447700900123\"/>")
                .contains("<Parameter name=\"To\" value=\"+441174960000\"/>");
    }

    @Test
    void theStreamCarriesAPerCallTokenThatVerifiesOnlyForThisCallAndCaller() throws Exception {
        Map<String, String> params = callParams();
        String body = post(verified, params, sign(TOKEN, PUBLIC + "/twilio/voice", params)).body();

        Matcher token = Pattern.compile("<Parameter name=\"" + TwimlResponses.PARAM_TOKEN + "\" value=\"([^\"]+)\"/>")
                .matcher(body);
        assertThat(token.find()).as(body).isTrue();
        String sid = params.get("CallSid");
        assertThat(TOKENS.check(token.group(1), sid, "+447700900123"))
                .isEqualTo(new CallTokenCheck.Valid(sid, "+447700900123", NOW.plus(CallTokens.DEFAULT_LIFETIME)));
        assertThat(TOKENS.check(token.group(1), sid, "+447700900999")).isInstanceOf(CallTokenCheck.Invalid.class);
        assertThat(TOKENS.check(token.group(1), "CA" + "0".repeat(32), "+447700900123"))
                .isInstanceOf(CallTokenCheck.Invalid.class);
    }

    @Test
    void forgedTamperedOrUnsignedRequestsGet403AndNoTwiml() throws Exception {
        Map<String, String> params = callParams();
        String genuine = sign(TOKEN, PUBLIC + "/twilio/voice", params);

        HttpResponse<String> unsigned = post(verified, params, null);
        HttpResponse<String> forged = post(verified, params, sign("ffffffffffffffffffffffffffffffff",
                PUBLIC + "/twilio/voice", params));
        Map<String, String> tampered = new LinkedHashMap<>(params);
        tampered.put("From", "+447700900999");
        HttpResponse<String> changed = post(verified, tampered, genuine);

        for (HttpResponse<String> response : java.util.List.of(unsigned, forged, changed)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).doesNotContain("Stream");
        }
    }

    @Test
    void aSignedRequestWithoutCallSidIsRejected() throws Exception {
        Map<String, String> params = callParams();
        params.remove("CallSid");
        HttpResponse<String> response = post(verified, params, sign(TOKEN, PUBLIC + "/twilio/voice", params));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void anOversizedBodyIsRefused() throws Exception {
        Map<String, String> params = callParams();
        params.put("Junk", "x".repeat(TwilioVoiceWebhook.MAX_BODY_BYTES + 1));
        HttpResponse<String> response = post(verified, params, sign(TOKEN, PUBLIC + "/twilio/voice", params));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void withVerificationSwitchedOffUnsignedCallsAreConnected() throws Exception {
        HttpResponse<String> response = post(unverified, callParams(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Stream url=\"wss://switchboard.example.co.uk/media\">");
    }

    @Test
    void settingsRefuseToVerifyWithoutATokenAndExplainTheSwitch() {
        assertThatThrownBy(() -> TwilioVoiceSettings.from(SettingsSource.of(Map.of(
                "SWITCHBOARD_PUBLIC_URL", PUBLIC.toString()))))
                .hasMessageContaining("TWILIO_AUTH_TOKEN").hasMessageContaining("SWITCHBOARD_TWILIO_VERIFY=false");
        assertThatThrownBy(() -> TwilioVoiceSettings.from(SettingsSource.of(Map.of(
                "TWILIO_AUTH_TOKEN", TOKEN, "SWITCHBOARD_PUBLIC_URL", PUBLIC.toString(),
                "SWITCHBOARD_TWILIO_VERIFY", "maybe"))))
                .hasMessageContaining("SWITCHBOARD_TWILIO_VERIFY");
        assertThat(TwilioVoiceSettings.from(SettingsSource.of(Map.of("TWILIO_AUTH_TOKEN", TOKEN,
                "SWITCHBOARD_PUBLIC_URL", PUBLIC.toString(), "SWITCHBOARD_MEDIA_URL", "wss://media.example/media")))
                .mediaStreamUrl()).isEqualTo(URI.create("wss://media.example/media"));
        assertThat(TwilioVoiceSettings.from(SettingsSource.of(Map.of("TWILIO_AUTH_TOKEN", TOKEN,
                "SWITCHBOARD_PUBLIC_URL", PUBLIC.toString()))).toString()).doesNotContain(TOKEN);
        assertThat(new TwimlResponses(URI.create("wss://x.example/media")).mediaStreamUrl().getHost())
                .isEqualTo("x.example");
    }
}
