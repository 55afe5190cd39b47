package io.switchboard.telephony.http;

import io.switchboard.dialog.LoggingNotifier;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole booking through the public HTTP interface with the real receptionist, checked through the API too. */
class ChatConversationOverHttpTest {

    private final ApiTestServer server = new ApiTestServer(scheduling -> Receptionist.create(scheduling,
            new InMemorySessionStore(scheduling.clock()), DisabledLlmFallback.INSTANCE, new LoggingNotifier()));
    private final List<String> transcript = new ArrayList<>();

    @AfterEach
    void close() {
        server.close();
    }

    private JsonObject say(String text) {
        JsonObject body = new JsonObject().put("session_id", "web-1").put("channel", "web")
                .put("from", "+447700900123").put("text", text);
        var response = server.postJson("/v1/chat", body.encode());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject reply = ApiTestServer.json(response);
        transcript.add("-> " + text + "\n<- [" + reply.getString("state") + "] " + reply.getString("reply"));
        return reply;
    }

    @Test
    void aHandOffCarriesANotifyOwnerActionThatSaysWhatHappened() {
        JsonObject handedOff = say("can I speak to a real person please");
        assertThat(handedOff.getString("state")).isEqualTo("handed_off");
        JsonObject notify = handedOff.getJsonArray("actions").stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("type").equals("notify_owner")).findFirst().orElseThrow();
        // no SMS here: the owner is not texted, so the reply does not say they were
        assertThat(notify.getString("reason")).isEqualTo("asked_for_person");
        assertThat(notify.getString("delivery")).isEqualTo("not_configured");
        assertThat(handedOff.getString("reply")).doesNotContain("let Sam know", "call you back");
    }

    @Test
    void aBookingOverHttpIsStoredAndListed() {
        JsonObject first = say("Hi, my kitchen sink is blocked, can you do a drain cleaning tomorrow at 10am?");
        assertThat(first.getJsonObject("slots").getString("service")).isEqualTo("drain-cleaning");
        assertThat(first.getJsonObject("slots").getString("date")).isEqualTo("2026-11-24");
        assertThat(first.getJsonObject("slots").getString("time")).isEqualTo("10:00");
        say("Jane Doe");
        say("yes");
        JsonObject confirm = say("12 Park Street, Bristol BS1 5HX");
        assertThat(confirm.getString("state")).as(String.join("\n", transcript)).isEqualTo("awaiting_confirmation");
        JsonObject booked = say("yes please");

        assertThat(booked.getString("state")).as(String.join("\n", transcript)).isEqualTo("booked");
        assertThat(booked.getString("intent")).isEqualTo("book");
        assertThat(booked.getJsonArray("actions").getJsonObject(0).getString("type")).isEqualTo("booked");
        JsonObject appointment = booked.getJsonObject("appointment");
        assertThat(appointment.getString("start")).isEqualTo("2026-11-24T10:00:00+00:00");
        assertThat(appointment.getString("service")).isEqualTo("drain-cleaning");

        JsonArray listed = ApiTestServer.json(server.get("/v1/appointments?date=2026-11-24")).getJsonArray("appointments");
        assertThat(listed).hasSize(1);
        JsonObject a = listed.getJsonObject(0);
        assertThat(a.getString("id")).isEqualTo(appointment.getString("id"));
        assertThat(a.getJsonObject("customer").getString("name")).isEqualTo("Jane Doe");
        assertThat(a.getJsonObject("customer").getString("phone")).isEqualTo("+447700900123");
        assertThat(a.getString("address")).contains("12 Park Street");
        assertThat(a.getBoolean("emergency")).isFalse();
    }
}
