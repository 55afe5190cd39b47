package io.switchboard.telephony.http;

import io.switchboard.dialog.Identity;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.models.Channel;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /v1/chat} without the admin token is the public web channel: it proves nothing and reaches nothing else. */
class PublicChatTest {

    private static final String WIDGET = "https://widget.example.co.uk";
    private static final String CUSTOMER = "+447700900123";

    private static ApiTestServer server;
    private static int sessions;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(null, WebOrigins.parse(WIDGET + ", https://www.example.co.uk"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void forget() {
        server.engine.requests.clear();
        // Each test starts with full buckets.
        server.fixture.clock().advance(Duration.ofHours(1));
    }

    @Test
    void aPublicChatIsTheWebChannelWithNoIdentityWhateverItClaims() {
        HttpResponse<String> response = server.postPublic("/v1/chat", chat("claim", "whatsapp", CUSTOMER, "hello"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.engine.requests).singleElement().satisfies(r -> {
            assertThat(r.channel()).isEqualTo(Channel.WEB);
            assertThat(r.from()).isNull();
            assertThat(r.identity()).isEqualTo(Identity.none());
        });
        assertThat(ApiTestServer.json(response).getString("session_id")).isEqualTo("claim");
    }

    @Test
    void aPublicSessionIdCanNeverNameAnSmsOrWhatsAppSession() {
        // A real WhatsApp conversation is keyed by the customer's number; a public chat sending that id must not reach it.
        server.postPublic("/v1/chat", chat(CUSTOMER, "whatsapp", CUSTOMER, "what's my address?"));

        TurnRequest seen = server.engine.requests.getFirst();
        assertThat(seen.sessionId()).startsWith("chat-web:").doesNotContain(CUSTOMER);
    }

    @Test
    void theSameSessionIdFromADifferentIdentityIsADifferentConversation() {
        String body = chat("shared-id", "web", CUSTOMER, "hi");
        server.postPublic("/v1/chat", body);
        server.postJson("/v1/chat", body);
        server.postJson("/v1/chat", chat("shared-id", "web", "+447700900456", "hi"));
        server.postPublic("/v1/chat", body);

        List<String> ids = server.engine.requests.stream().map(TurnRequest::sessionId).toList();
        assertThat(ids.get(0)).as("public, twice: one conversation").isEqualTo(ids.get(3));
        assertThat(ids.subList(0, 3)).doesNotHaveDuplicates();
    }

    @Test
    void withTheAdminTokenTheNamedChannelAndNumberAreBelieved() {
        server.postJson("/v1/chat", chat("harness", "sms", "07700 900123", "hi"));

        assertThat(server.engine.requests).singleElement().satisfies(r -> {
            assertThat(r.channel()).isEqualTo(Channel.SMS);
            assertThat(r.from()).isEqualTo(CUSTOMER);
            assertThat(r.identity()).isEqualTo(Identity.signedBy(CUSTOMER, Identity.Proof.TRUSTED_INTEGRATION));
        });
    }

    @Test
    void bodiesThatAreNotJsonAre415SoHtmlFormsCannotPostCrossSite() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                "application/jsonp"}) {
            HttpResponse<String> response = server.send(server.request("/v1/chat").header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(chat("form", "web", null, "hi"))));

            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertThat(ApiTestServer.json(response).getString("error")).isEqualTo("Content-Type must be application/json");
        }
        HttpResponse<String> none = server.send(server.request("/v1/chat")
                .POST(HttpRequest.BodyPublishers.ofString(chat("form", "web", null, "hi"))));
        assertThat(none.statusCode()).isEqualTo(415);
        assertThat(server.engine.requests).isEmpty();
        HttpResponse<String> withCharset = server.send(server.request("/v1/chat")
                .header("Content-Type", "Application/JSON; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(chat("form", "web", null, "hi"))));
        assertThat(withCharset.statusCode()).isEqualTo(200);
    }

    @Test
    void aPreflightFromAListedOriginIsAllowedForPostWithJson() {
        HttpResponse<String> response = server.send(preflight(WIDGET));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WIDGET);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Content-Type");
        assertThat(response.headers().firstValue("Vary")).hasValue("Origin");
    }

    @Test
    void anyOtherOriginGetsNoCorsHeadersAndItsPostsAreRefused() {
        HttpResponse<String> preflight = server.send(preflight("https://evil.example"));
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> post = server.send(server.request("/v1/chat")
                .header("Origin", "https://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat("x", "web", null, "hi"))));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(server.engine.requests).isEmpty();

        HttpResponse<String> allowed = server.send(server.request("/v1/chat")
                .header("Origin", WIDGET).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat("x", "web", null, "hi"))));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WIDGET);
    }

    @Test
    void withNoOriginsConfiguredNoBrowserOriginIsAllowed() {
        assertThat(WebOrigins.parse("").allowed()).isEmpty();
        assertThat(WebOrigins.parse(null).allowed()).isEmpty();
        assertThat(WebOrigins.parse(" https://A.example , http://b.example:8080 ").allowed())
                .containsExactlyInAnyOrder("https://a.example", "http://b.example:8080");
        for (String bad : new String[] {"*", "a.example", "https://a.example/path", "ftp://a.example"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebOrigins.parse(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aPersonTypingFastIsNeverLimited() {
        String session = "fast-typer-" + ++sessions;
        List<Integer> statuses = IntStream.range(0, 20)
                .mapToObj(i -> server.postPublic("/v1/chat", chat(session, "web", null, "msg " + i)).statusCode())
                .toList();

        assertThat(statuses).containsOnly(200);
    }

    @Test
    void aScriptSendingHundredsIsStoppedWith429AndRetryAfter() {
        String session = "script-" + ++sessions;
        List<HttpResponse<String>> responses = IntStream.range(0, 100)
                .mapToObj(i -> server.postPublic("/v1/chat", chat(session, "web", null, "spam " + i))).toList();

        assertThat(responses.stream().filter(r -> r.statusCode() == 200)).hasSize(30);
        HttpResponse<String> refused = responses.get(30);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(s ->
                assertThat(Integer.parseInt(s)).isBetween(1, 2));
        assertThat(server.engine.requests).hasSize(30);

        server.fixture.clock().advance(Duration.ofSeconds(2));
        assertThat(server.postPublic("/v1/chat", chat(session, "web", null, "later")).statusCode()).isEqualTo(200);
    }

    @Test
    void aScriptRotatingSessionIdsIsStoppedByItsAddress() {
        long ok = IntStream.range(0, 200)
                .map(i -> server.postPublic("/v1/chat", chat("rotating-" + ++sessions, "web", null, "x")).statusCode())
                .filter(s -> s == 200).count();

        assertThat(ok).isEqualTo(120);
    }

    @Test
    void theAdminTokenIsNeverLimited() {
        long ok = IntStream.range(0, 150)
                .map(i -> server.postJson("/v1/chat", chat("harness-load", "web", null, "x")).statusCode())
                .filter(s -> s == 200).count();

        assertThat(ok).isEqualTo(150);
    }

    private static HttpRequest.Builder preflight(String origin) {
        return server.request("/v1/chat").header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    }

    private static String chat(String session, String channel, String from, String text) {
        JsonObject body = new JsonObject().put("session_id", session).put("channel", channel).put("text", text);
        if (from != null) {
            body.put("from", from);
        }
        return body.encode();
    }
}
