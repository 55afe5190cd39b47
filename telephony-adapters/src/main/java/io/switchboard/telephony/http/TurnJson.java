package io.switchboard.telephony.http;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.SlotSnapshot;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.understanding.Expectation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code POST /v1/chat} response: {@code {"session_id","reply","intent","state","slots":{...},
 * "expecting":{"slot","offers","ends_early"},"appointment":{...},"actions":[{"type":...}]}}. {@code appointment} is present only when the turn booked, moved or
 * cancelled one; unknown slots are JSON null. A hand-off to a person carries
 * {@code {"type":"notify_owner","reason":"asked_for_person|call_back|message_left|transfer|no_progress|not_understood|identity_unproven",
 * "delivery":"queued|recorded|not_configured|failed"}}: {@code queued} means a text to the owner is on its way,
 * {@code recorded} that the message is on the owner's call-back list only.
 */
public final class TurnJson {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final AppointmentJson appointments;

    public TurnJson(AppointmentJson appointments) {
        this.appointments = Objects.requireNonNull(appointments, "appointments");
    }

    public JsonObject toJson(TurnResult turn) {
        JsonObject json = new JsonObject()
                .put("session_id", turn.sessionId())
                .put("reply", turn.reply())
                .put("intent", turn.intent() == null ? null : turn.intent().wireName())
                .put("state", turn.state() == null ? null : turn.state().wireName())
                .put("slots", slots(turn.slots()))
                .put("expecting", expecting(turn.expecting()));
        if (turn.appointment() != null) {
            json.put("appointment", appointments.toJson(turn.appointment()));
        }
        JsonArray actions = new JsonArray();
        turn.actions().forEach(a -> actions.add(action(a)));
        return json.put("actions", actions);
    }

    /** What the reply asked for: {@code {"slot":"slot_choice","offers":[...],"ends_early":true}}. */
    private JsonObject expecting(Expectation e) {
        Expectation x = e == null ? Expectation.NONE : e;
        JsonArray offers = new JsonArray();
        x.offers().forEach(o -> offers.add(appointments.format(o)));
        return new JsonObject().put("slot", x.slot().wireName()).put("offers", offers).put("ends_early", x.endsEarly());
    }

    static JsonObject slots(SlotSnapshot s) {
        if (s == null) {
            s = new SlotSnapshot(null, null, null, null, null, null, null, false);
        }
        return new JsonObject()
                .put("name", s.name())
                .put("phone", s.phone())
                .put("address", s.address())
                .put("problem", s.problem())
                .put("service", s.service())
                .put("date", s.date() == null ? null : s.date().toString())
                .put("time", s.time() == null ? null : HH_MM.format(s.time()))
                .put("emergency", s.emergency());
    }

    private JsonObject action(DialogAction action) {
        JsonObject json = new JsonObject().put("type", action.type());
        switch (action) {
            case DialogAction.Booked b -> json.put("appointment_id", b.appointment().id().toString());
            case DialogAction.Cancelled c -> json.put("appointment_id", c.appointment().id().toString());
            case DialogAction.Rescheduled r -> json
                    .put("appointment_id", r.appointment().id().toString())
                    .put("previous_start", appointments.format(r.previous().start()))
                    .put("previous_end", appointments.format(r.previous().end()));
            case DialogAction.NotifyOwner n -> json.put("reason", n.reason()).put("delivery", n.delivery());
            // A hand-off's number is the owner's own mobile: it is for the server's transfer, never for the client
            // (a public web visitor sees this JSON).
            // Other actions carry nothing beyond their type; new ones appear as just their type.
            default -> { }
        }
        return json;
    }
}
