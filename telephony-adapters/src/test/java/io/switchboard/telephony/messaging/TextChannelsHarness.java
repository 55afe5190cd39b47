package io.switchboard.telephony.messaging;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import io.switchboard.telephony.outbound.RetryPolicy;
import io.switchboard.telephony.twilio.TwilioSignatureVerifier;
import io.switchboard.telephony.whatsapp.WhatsAppSignatureVerifier;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The text channels as deployed, on loopback: a real Vert.x server with the webhooks mounted, the real
 * {@link Receptionist} over an embedded PostgreSQL schema (clock at Monday 23 Nov 2026 09:00, Bristol), and the real
 * Twilio and Graph clients sending to a {@link ProviderStub}. Requests are signed as Twilio and Meta sign them.
 */
final class TextChannelsHarness implements AutoCloseable {

    static final LocalDateTime MONDAY_9AM = LocalDateTime.of(2026, 11, 23, 9, 0);
    static final String CALLER = "+447700900123";
    static final String BUSINESS_NUMBER = "+441174960000";
    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "12345678901234567890123456789012";
    static final URI PUBLIC_URL = URI.create("https://switchboard.example.co.uk");
    static final String APP_SECRET = "meta-app-secret";
    static final String VERIFY_TOKEN = "verify-me";
    static final String ACCESS_TOKEN = "EAAG-access-token";
    static final String PHONE_NUMBER_ID = "106540352242922";

    record Reply(int status, String contentType, String body) {
        /** The text of the TwiML {@code <Message>}, or empty for a bare {@code <Response/>}. */
        Optional<String> message() {
            return TextChannelsHarness.twimlMessage(body);
        }
    }

    final SchedulingFixture fx;
    final ProviderStub provider = new ProviderStub();
    final TextChannels channels;
    final DialogEngine engine;
    final Vertx vertx = Vertx.vertx();
    final int port;
    final List<String> transcript = new ArrayList<>();
    private final boolean ownsFixture;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger sids = new AtomicInteger();

    TextChannelsHarness() {
        this(new SchedulingFixture(TestProfiles.sample(), MONDAY_9AM), true, config(), WebhookSettings.defaults());
    }

    /** A second server over the same database, as after a restart. */
    static TextChannelsHarness over(SchedulingFixture fx) {
        return new TextChannelsHarness(fx, false, config(), WebhookSettings.defaults());
    }

    /** A server over {@code fx}'s database with these webhook time bounds. */
    static TextChannelsHarness over(SchedulingFixture fx, WebhookSettings webhooks) {
        return new TextChannelsHarness(fx, false, config(), webhooks);
    }

    static TextChannelsHarness over(SchedulingFixture fx, MessagingConfig config, WebhookSettings webhooks) {
        return new TextChannelsHarness(fx, false, config, webhooks, e -> e);
    }

    /** Over {@code fx}, with the real engine wrapped (e.g. to make it fail). */
    static TextChannelsHarness over(SchedulingFixture fx, WebhookSettings webhooks,
                                    UnaryOperator<DialogEngine> wrap) {
        return new TextChannelsHarness(fx, false, config(), webhooks, wrap);
    }

    static TextChannelsHarness with(MessagingConfig config) {
        return new TextChannelsHarness(new SchedulingFixture(TestProfiles.sample(), MONDAY_9AM), true, config,
                WebhookSettings.defaults());
    }

    private TextChannelsHarness(SchedulingFixture fx, boolean ownsFixture, MessagingConfig config,
                                WebhookSettings webhooks) {
        this(fx, ownsFixture, config, webhooks, e -> e);
    }

    private TextChannelsHarness(SchedulingFixture fx, boolean ownsFixture, MessagingConfig config,
                                WebhookSettings webhooks, UnaryOperator<DialogEngine> wrap) {
        this.fx = fx;
        this.ownsFixture = ownsFixture;
        this.channels = TextChannels.create(withBase(config), fx.scheduling(), RetryPolicy.noRetries(), webhooks);
        this.engine = wrap.apply(Receptionist.create(fx.scheduling(), new InMemorySessionStore(fx.clock()),
                DisabledLlmFallback.INSTANCE, channels.notifier(), Receptionist.DEFAULT_SESSION_TIMEOUT,
                io.switchboard.dialog.metrics.Metrics.disabled(), channels.phoneVerifier()));
        Router router = Router.router(vertx);
        channels.mount(router, vertx, engine);
        this.port = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")).actualPort();
    }

    /** Both channels on; the provider base URLs are replaced by the stub's once it has a port. */
    static MessagingConfig config() {
        URI base = URI.create("http://127.0.0.1:9");
        return new MessagingConfig(
                Optional.of(new TwilioChannelConfig(ACCOUNT, AUTH_TOKEN, BUSINESS_NUMBER, base, PUBLIC_URL, true)),
                Optional.of(new WhatsAppChannelConfig(APP_SECRET, VERIFY_TOKEN, ACCESS_TOKEN, PHONE_NUMBER_ID, base,
                        "v21.0")));
    }

    /** Points every configured channel at this harness's provider stub. */
    private MessagingConfig withBase(MessagingConfig config) {
        URI base = provider.baseUrl();
        return new MessagingConfig(
                config.sms().map(s -> new TwilioChannelConfig(s.accountSid(), s.authToken(), s.from(), base,
                        s.publicBaseUrl(), s.verifySignatures())),
                config.whatsApp().map(w -> new WhatsAppChannelConfig(w.appSecret(), w.verifyToken(),
                        w.accessToken(), w.phoneNumberId(), base, w.apiVersion())));
    }

    // ---- Twilio SMS -------------------------------------------------------------------------------------------

    /** A genuine, signed inbound SMS from {@link #CALLER} with a fresh MessageSid. */
    Reply sms(String body) {
        return sms(nextSid(), CALLER, body);
    }

    Reply sms(String sid, String from, String body) {
        Reply r = postSigned(smsParams(sid, from, body, 0));
        transcript.add("sms -> " + body);
        transcript.add("   <- " + (r.status() == 200 ? r.message().orElse("(no reply)") : "HTTP " + r.status()));
        return r;
    }

    String nextSid() {
        return "SM%032x".formatted(sids.incrementAndGet() + 0xabc000L);
    }

    static Map<String, String> smsParams(String sid, String from, String body, int numMedia) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ToCountry", "GB");
        p.put("SmsMessageSid", sid);
        p.put("NumMedia", Integer.toString(numMedia));
        p.put("SmsSid", sid);
        p.put("SmsStatus", "received");
        p.put("Body", body);
        p.put("To", BUSINESS_NUMBER);
        p.put("NumSegments", "1");
        p.put("MessageSid", sid);
        p.put("AccountSid", ACCOUNT);
        p.put("From", from);
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    Reply postSigned(Map<String, String> params) {
        return postForm(TwilioSmsWebhook.PATH, params, sign(AUTH_TOKEN, PUBLIC_URL + TwilioSmsWebhook.PATH, params));
    }

    CompletableFuture<Reply> postSignedAsync(Map<String, String> params) {
        String signature = sign(AUTH_TOKEN, PUBLIC_URL + TwilioSmsWebhook.PATH, params);
        return http.sendAsync(formRequest(TwilioSmsWebhook.PATH, params, signature),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(TextChannelsHarness::reply);
    }

    Reply postForm(String path, Map<String, String> params, String signature) {
        return send(formRequest(path, params, signature));
    }

    private HttpRequest formRequest(String path, Map<String, String> params, String signature) {
        StringBuilder form = new StringBuilder();
        params.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(local(path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        if (signature != null) {
            b.header(TwilioSignatureVerifier.SIGNATURE_HEADER, signature);
        }
        return b.build();
    }

    /**
     * Twilio's documented scheme, as twilio-java's {@code RequestValidator} checks it: Base64 HMAC-SHA1, keyed with
     * the auth token, of the URL followed by every POST parameter name and value in name order.
     */
    static String sign(String token, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- WhatsApp ---------------------------------------------------------------------------------------------

    Reply whatsApp(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return whatsApp(body, new WhatsAppSignatureVerifier(APP_SECRET).signatureFor(body));
    }

    Reply whatsApp(byte[] body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(local(WhatsAppWebhook.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            b.header(WhatsAppSignatureVerifier.SIGNATURE_HEADER, signature);
        }
        return send(b.build());
    }

    Reply get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(local(pathAndQuery)).GET().build());
    }

    // ---- voice and database -----------------------------------------------------------------------------------

    TurnResult voice(String callSid, String text) {
        TurnResult r = engine.handle(TurnRequest.text(Channel.VOICE, callSid, CALLER, text));
        transcript.add("voice -> " + text);
        transcript.add("   <- [" + r.state().wireName() + "] " + r.reply());
        return r;
    }

    int count(String sql) {
        return fx.count(sql);
    }

    String transcript() {
        return String.join("\n", transcript);
    }

    private URI local(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private Reply send(HttpRequest request) {
        try {
            return reply(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Reply reply(HttpResponse<String> r) {
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    static Optional<String> twimlMessage(String xml) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            if (!"Response".equals(doc.getDocumentElement().getTagName())) {
                throw new AssertionError("not TwiML: " + xml);
            }
            NodeList messages = doc.getElementsByTagName("Message");
            return messages.getLength() == 0 ? Optional.empty() : Optional.of(messages.item(0).getTextContent());
        } catch (Exception e) {
            throw new AssertionError("unreadable TwiML: " + xml, e);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops this server; the database goes too unless it belongs to another harness. */
    @Override
    public void close() {
        channels.close();
        await(vertx.close());
        provider.close();
        if (ownsFixture) {
            fx.close();
        }
    }
}
