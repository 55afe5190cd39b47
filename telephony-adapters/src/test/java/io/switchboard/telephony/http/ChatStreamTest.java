package io.switchboard.telephony.http;

import io.switchboard.models.Channel;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/chat/stream}: the chat turn as server-sent events, under the same rules as {@code /v1/chat}. */
class ChatStreamTest {

    private static final String WIDGET = "https://widget.example.co.uk";

    private static ApiTestServer server;
    private static int sessions;

    /** One parsed server-sent event. */
    record Event(String name, JsonObject data) {
    }

    @BeforeAll
    static void start() {
        server = new ApiTestServer(null, WebOrigins.parse(WIDGET));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void forget() {
        server.engine.requests.clear();
        server.fixture.clock().advance(Duration.ofHours(1));
    }

    @Test
    void aTurnStreamsItsSentencesThenEachActionThenTheFullResult() {
        // A trusted harness acting for a number: the scripted engine books only for a known number.
        HttpResponse<String> response = server.send(json("/v1/chat/stream", null, new JsonObject()
                .put("session_id", "book-" + ++sessions).put("channel", "web").put("from", "+447700900123")
                .put("text", "book it").encode()).header("Authorization", "Bearer " + ApiTestServer.ADMIN_TOKEN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("text/event-stream"));
        List<Event> events = parse(response.body());
        assertThat(events).extracting(Event::name).containsExactly("chunk", "action", "action", "done");
        Event done = events.getLast();
        assertThat(done.data().getString("reply")).isEqualTo("Booked.");
        assertThat(done.data().getString("session_id")).isEqualTo("book-" + sessions);
        assertThat(done.data().getJsonObject("appointment")).isNotNull();
        assertThat(events.get(1).data().getString("type")).isEqualTo("booked");
        // The hand-off's number is the owner's: never in an event either.
        assertThat(response.body()).doesNotContain("+447700900999");
        assertThat(server.engine.requests).singleElement().satisfies(r -> assertThat(r.channel()).isEqualTo(Channel.WEB));
    }

    @Test
    void theDoneEventIsWhatPlainChatAnswers() {
        String session = "same-" + ++sessions;
        JsonObject plain = ApiTestServer.json(server.postPublic("/v1/chat", body(session, "hello")));
        List<Event> events = parse(server.send(json("/v1/chat/stream", null, body(session + "-s", "hello"))).body());

        JsonObject done = events.getLast().data();
        assertThat(done.fieldNames()).isEqualTo(plain.fieldNames());
        assertThat(done.getString("reply")).isEqualTo(plain.getString("reply"));
        assertThat(events.stream().filter(e -> e.name().equals("chunk")).map(e -> e.data().getString("text"))
                .reduce("", String::concat)).isEqualTo(plain.getString("reply"));
    }

    @Test
    void aReplyOfSeveralSentencesArrivesAsOneChunkEach() {
        assertThat(ChatStream.pieces("Thanks, Ada. You're booked for Monday at 10:00! Anything else?"))
                .containsExactly("Thanks, Ada. ", "You're booked for Monday at 10:00! ", "Anything else?");
        assertThat(ChatStream.pieces("")).isEmpty();
        assertThat(ChatStream.pieces("No full stop")).containsExactly("No full stop");
    }

    @Test
    void aFailedTurnIsAnErrorEvent() {
        List<Event> events = parse(server.send(json("/v1/chat/stream", null, body("f-" + ++sessions, "fail now")))
                .body());

        assertThat(events).extracting(Event::name).containsExactly("error");
        assertThat(events.getFirst().data().getString("error")).contains("could not answer");
    }

    @Test
    void theStreamKeepsChatsRules415ForeignOrigins403AndTheRateLimit() {
        HttpResponse<String> form = server.send(server.request("/v1/chat/stream").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body("x", "hi"))));
        assertThat(form.statusCode()).isEqualTo(415);

        HttpResponse<String> evil = server.send(json("/v1/chat/stream", "https://evil.example", body("x", "hi")));
        assertThat(evil.statusCode()).isEqualTo(403);
        HttpResponse<String> widget = server.send(json("/v1/chat/stream", WIDGET, body("w-" + ++sessions, "hi")));
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WIDGET);

        HttpResponse<String> wrongToken = server.send(json("/v1/chat/stream", null, body("x", "hi"))
                .header("Authorization", "Bearer nope"));
        assertThat(wrongToken.statusCode()).isEqualTo(401);

        String session = "flood-" + ++sessions;
        List<Integer> statuses = IntStream.range(0, 40)
                .mapToObj(i -> server.send(json("/v1/chat/stream", null, body(session, "x" + i))).statusCode()).toList();
        assertThat(statuses.subList(0, 30)).containsOnly(200);
        assertThat(statuses.get(30)).isEqualTo(429);
    }

    @Test
    void theWidgetScriptIsServedForAnySiteToEmbed() {
        HttpResponse<String> script = server.send(server.request("/widget.js").GET());

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("/v1/chat/stream").contains("aria-live").contains("/v1/chat\"");
    }

    private static HttpRequest.Builder json(String path, String origin, String body) {
        HttpRequest.Builder request = server.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return origin == null ? request : request.header("Origin", origin);
    }

    private static String body(String session, String text) {
        return new JsonObject().put("session_id", session).put("channel", "web").put("text", text).encode();
    }

    static List<Event> parse(String stream) {
        List<Event> events = new ArrayList<>();
        for (String block : stream.split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            String name = null;
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            events.add(new Event(name, new JsonObject(data)));
        }
        return events;
    }
}
