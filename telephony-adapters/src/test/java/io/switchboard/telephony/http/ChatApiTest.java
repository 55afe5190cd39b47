package io.switchboard.telephony.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.models.Channel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ChatApiTest {

    private static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = new ApiTestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void forget() {
        server.engine.requests.clear();
        server.engine.onEventLoop.clear();
    }

    @Test
    void aTurnAnswersWithReplyStateAndAllSlots() {
        HttpResponse<String> response = server.postJson("/v1/chat", chat("s-1", "sms", "+447700900123", "blocked drain"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        JsonObject body = ApiTestServer.json(response);
        assertThat(body.fieldNames()).containsExactlyInAnyOrder("session_id", "reply", "intent", "state", "slots",
                "expecting", "actions");
        assertThat(body.getString("session_id")).isEqualTo("s-1");
        JsonObject expecting = body.getJsonObject("expecting");
        assertThat(expecting.getString("slot")).isEqualTo("name");
        assertThat(expecting.getJsonArray("offers")).isEmpty();
        assertThat(expecting.getBoolean("ends_early")).isTrue();
        assertThat(body.getString("reply")).isEqualTo("What is your name?");
        assertThat(body.getString("intent")).isEqualTo("book");
        assertThat(body.getString("state")).isEqualTo("collecting");
        JsonObject slots = body.getJsonObject("slots");
        assertThat(slots.fieldNames()).containsExactlyInAnyOrder("name", "phone", "address", "problem", "service",
                "date", "time", "emergency");
        assertThat(slots.containsKey("name")).isTrue();
        assertThat(slots.getValue("name")).isNull();
        assertThat(slots.getValue("address")).isNull();
        assertThat(slots.getString("phone")).isEqualTo("+447700900123");
        assertThat(slots.getString("service")).isEqualTo("drain-cleaning");
        assertThat(slots.getString("date")).isEqualTo("2026-11-24");
        assertThat(slots.getString("time")).isEqualTo("14:30");
        assertThat(slots.getBoolean("emergency")).isFalse();
        assertThat(body.getJsonArray("actions")).isEmpty();
    }

    @Test
    void theEngineGetsTheRequestOffTheEventLoop() {
        server.postJson("/v1/chat", chat("s-2", "voice", "+447700900123", "hello there"));

        assertThat(server.engine.requests).singleElement().satisfies(r -> {
            assertThat(r.channel()).isEqualTo(Channel.VOICE);
            assertThat(r.sessionId()).isEqualTo("s-2");
            assertThat(r.from()).isEqualTo("+447700900123");
            assertThat(r.text()).isEqualTo("hello there");
            assertThat(r.dtmf()).isFalse();
        });
        assertThat(server.engine.onEventLoop).containsExactly(false);
    }

    @Test
    void aBookingTurnCarriesTheAppointmentAndActions() {
        HttpResponse<String> response = server.postJson("/v1/chat", chat("s-book", "web", "07700 900456", "book it"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = ApiTestServer.json(response);
        assertThat(body.getString("state")).isEqualTo("booked");
        JsonObject appointment = body.getJsonObject("appointment");
        assertThat(appointment.getString("service")).isEqualTo("general-repair");
        assertThat(appointment.getString("service_name")).isEqualTo("general repair");
        assertThat(appointment.getString("start")).isEqualTo("2026-11-24T10:00:00+00:00");
        assertThat(appointment.getString("end")).isEqualTo("2026-11-24T11:00:00+00:00");
        assertThat(appointment.getString("status")).isEqualTo("booked");
        assertThat(appointment.getJsonObject("customer"))
                .isEqualTo(new JsonObject().put("name", "Ada Lovelace").put("phone", "+447700900456"));
        assertThat(appointment.getString("channel")).isEqualTo("web");
        JsonArray actions = body.getJsonArray("actions");
        assertThat(actions.getJsonObject(0)).isEqualTo(new JsonObject().put("type", "booked")
                .put("appointment_id", appointment.getString("id")));
        assertThat(actions.getJsonObject(1)).as("the owner's mobile is never sent to a client")
                .isEqualTo(new JsonObject().put("type", "hand_off"));
    }

    @Test
    void fieldsAtTheirLimitsAreAcceptedAndFromIsOptional() {
        String body = new JsonObject()
                .put("session_id", "x".repeat(ApiLimits.MAX_SESSION_ID))
                .put("channel", "whatsapp")
                .put("text", "t".repeat(ApiLimits.MAX_TEXT))
                .encode();

        HttpResponse<String> response = server.postJson("/v1/chat", body);

        assertThat(response.statusCode()).isEqualTo(200);
        TurnRequest seen = server.engine.requests.getFirst();
        assertThat(seen.from()).isNull();
        assertThat(seen.text()).hasSize(ApiLimits.MAX_TEXT);
        assertThat(seen.channel()).isEqualTo(Channel.WHATSAPP);
    }

    @Test
    void anEmptyTextIsATurnLikeAnyOther() {
        HttpResponse<String> response = server.postJson("/v1/chat", chat("s-empty", "sms", null, ""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.engine.requests).singleElement().satisfies(r -> assertThat(r.text()).isEmpty());
    }

    static Stream<Arguments> invalidBodies() {
        JsonObject valid = new JsonObject().put("session_id", "s").put("channel", "sms").put("from", "+447700900123")
                .put("text", "hi");
        return Stream.of(
                Arguments.of(without(valid, "session_id"), "session_id is required"),
                Arguments.of(valid.copy().put("session_id", ""), "session_id must not be empty"),
                Arguments.of(valid.copy().put("session_id", "   "), "session_id must not be empty"),
                Arguments.of(valid.copy().put("session_id", "x".repeat(129)), "session_id must be at most 128 characters"),
                Arguments.of(valid.copy().put("session_id", 42), "session_id must be a string"),
                Arguments.of(without(valid, "channel"), "channel is required"),
                Arguments.of(valid.copy().put("channel", "fax"), "channel must be one of sms, whatsapp, web, voice"),
                Arguments.of(valid.copy().put("channel", true), "channel must be a string"),
                Arguments.of(valid.copy().put("from", "+44" + "7".repeat(30)), "from must be at most 32 characters"),
                Arguments.of(valid.copy().put("from", 447700900123L), "from must be a string"),
                Arguments.of(without(valid, "text"), "text is required"),
                Arguments.of(valid.copy().putNull("text"), "text is required"),
                Arguments.of(valid.copy().put("text", "t".repeat(2001)), "text must be at most 2000 characters"),
                Arguments.of(valid.copy().put("text", new JsonObject().put("a", 1)), "text must be a string"));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void invalidFieldsAreRefusedWithAClearMessage(JsonObject body, String message) {
        HttpResponse<String> response = server.postJson("/v1/chat", body.encode());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiTestServer.json(response)).isEqualTo(new JsonObject().put("error", message));
        assertThat(server.engine.requests).isEmpty();
    }

    @Test
    void malformedJsonIsRefused() {
        HttpResponse<String> response = server.postJson("/v1/chat", "{\"session_id\": \"s\", \"channel\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiTestServer.json(response).getString("error")).isEqualTo("request body is not valid JSON");
        assertThat(server.engine.requests).isEmpty();
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() {
        assertThat(server.postJson("/v1/chat", "[1, 2, 3]")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(ApiTestServer.json(r).getString("error")).isEqualTo("request body must be a JSON object");
        });
        assertThat(server.postJson("/v1/chat", "\"hello\"").statusCode()).isEqualTo(400);
        assertThat(server.postJson("/v1/chat", "").statusCode()).isEqualTo(400);
        assertThat(server.engine.requests).isEmpty();
    }

    @Test
    void anOversizedBodyIsRefusedBeforeParsing() {
        String huge = new JsonObject().put("session_id", "s").put("channel", "sms")
                .put("text", "a".repeat(ApiLimits.MAX_BODY_BYTES)).encode();

        HttpResponse<String> response = server.postJson("/v1/chat", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(ApiTestServer.json(response).getString("error"))
                .isEqualTo("request body too large (limit 16384 bytes)");
        assertThat(server.engine.requests).isEmpty();
    }

    @Test
    void anEngineFailureIsA500WithoutDetailsAndTheLogHoldsNoTextOrNumber() {
        Logger logger = (Logger) LoggerFactory.getLogger("io.switchboard.telephony.http");
        Level before = logger.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        logger.setLevel(Level.DEBUG);
        try {
            HttpResponse<String> ok = server.postJson("/v1/chat", chat("s-log", "sms", "+447700900123", "my secret words"));
            HttpResponse<String> failed = server.postJson("/v1/chat", chat("s-log", "sms", "+447700900123", "fail secretly"));

            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).doesNotContain("secretly").doesNotContain("900123");
            assertThat(ApiTestServer.json(failed).getString("error")).isNotBlank();
            assertThat(logs.list).isNotEmpty();
            assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
                    .doesNotContain("secret")
                    .doesNotContain("+447700900123")
                    .doesNotContain("7700900123"));
            assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("***123"));
        } finally {
            logger.detachAppender(logs);
            logger.setLevel(before);
        }
    }

    private static String chat(String sessionId, String channel, String from, String text) {
        JsonObject json = new JsonObject().put("session_id", sessionId).put("channel", channel).put("text", text);
        if (from != null) {
            json.put("from", from);
        }
        return json.encode();
    }

    private static JsonObject without(JsonObject json, String field) {
        JsonObject copy = json.copy();
        copy.remove(field);
        return copy;
    }
}
