package io.switchboard.telephony.privacy;

import static io.switchboard.scheduling.db.Tables.APPOINTMENT;
import static io.switchboard.scheduling.db.Tables.AUDIT_LOG;
import static io.switchboard.scheduling.db.Tables.CALL_LOG;
import static io.switchboard.scheduling.db.Tables.CALL_TURN;
import static io.switchboard.scheduling.db.Tables.CUSTOMER;
import static io.switchboard.scheduling.db.Tables.INBOUND_MESSAGE;
import static io.switchboard.scheduling.db.Tables.MESSAGING_OPT_OUT;
import static io.switchboard.scheduling.db.Tables.MISSED_CALL;
import static io.switchboard.scheduling.db.Tables.OWNER_ALERT;
import static io.switchboard.scheduling.db.Tables.PROCESSED_MESSAGE;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * Everything stored about one phone number, as one JSON document (the subject-access export): the customer record,
 * every booking with its change history, calls with their transcripts, stored messages and the replies sent to them,
 * owner alerts, missed calls and opt-outs. Read in one repeatable-read transaction so the parts agree; each export is
 * recorded in the {@link PrivacyLog} (counts only). Blocking.
 */
public final class PersonalDataExport {

    private final DSLContext dsl;
    private final PrivacyLog log;
    private final Clock clock;
    private final ZoneId zone;

    public PersonalDataExport(DSLContext dsl, PrivacyLog log, Clock clock, ZoneId zone) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The export of {@code phoneE164} (already normalised), with {@code "found": false} when nothing is stored. */
    public JsonObject export(String phoneE164, String actor) {
        Objects.requireNonNull(phoneE164, "phoneE164");
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            JsonObject customer = customer(tx, phoneE164);
            JsonArray appointments = appointments(tx, phoneE164);
            JsonArray calls = calls(tx, phoneE164);
            JsonArray messages = messages(tx, phoneE164);
            JsonArray alerts = ownerAlerts(tx, phoneE164);
            JsonArray missed = missedCalls(tx, phoneE164);
            JsonArray optOuts = optOuts(tx, phoneE164);
            boolean found = customer != null || !appointments.isEmpty() || !calls.isEmpty() || !messages.isEmpty()
                    || !alerts.isEmpty() || !missed.isEmpty() || !optOuts.isEmpty();
            JsonObject counts = new JsonObject().put("appointments", appointments.size()).put("calls", calls.size())
                    .put("messages", messages.size()).put("owner_alerts", alerts.size())
                    .put("missed_calls", missed.size()).put("opt_outs", optOuts.size());
            log.record(tx, clock.instant(), PrivacyLog.Action.EXPORT, phoneE164, actor, counts);
            return new JsonObject()
                    .put("phone", phoneE164)
                    .put("exported_at", local(OffsetDateTime.ofInstant(clock.instant(), zone)))
                    .put("timezone", zone.getId())
                    .put("found", found)
                    .put("customer", customer)
                    .put("appointments", appointments)
                    .put("calls", calls)
                    .put("messages", messages)
                    .put("owner_alerts", alerts)
                    .put("missed_calls", missed)
                    .put("opt_outs", optOuts);
        });
    }

    private JsonObject customer(DSLContext tx, String phone) {
        return tx.selectFrom(CUSTOMER).where(CUSTOMER.PHONE.eq(phone)).fetchOptional()
                .map(c -> new JsonObject()
                        .put("phone", c.getPhone())
                        .put("name", c.getName())
                        .put("address", c.getAddress())
                        .put("email", c.getEmail())
                        .put("created_at", local(c.getCreatedAt()))
                        .put("updated_at", local(c.getUpdatedAt())))
                .orElse(null);
    }

    private JsonArray appointments(DSLContext tx, String phone) {
        JsonArray out = new JsonArray();
        for (var a : tx.selectFrom(APPOINTMENT).where(APPOINTMENT.CUSTOMER_PHONE.eq(phone))
                .orderBy(APPOINTMENT.STARTS_AT).fetch()) {
            JsonArray history = new JsonArray();
            for (var e : tx.selectFrom(AUDIT_LOG).where(AUDIT_LOG.APPOINTMENT_ID.eq(a.getId()))
                    .orderBy(AUDIT_LOG.ID).fetch()) {
                history.add(new JsonObject()
                        .put("at", local(e.getAt()))
                        .put("action", e.getAction())
                        .put("channel", e.getChannel())
                        .put("before", e.getBeforeState() == null ? null : new JsonObject(e.getBeforeState().data()))
                        .put("after", e.getAfterState() == null ? null : new JsonObject(e.getAfterState().data())));
            }
            out.add(new JsonObject()
                    .put("id", a.getId().toString())
                    .put("service", a.getServiceId())
                    .put("start", local(a.getStartsAt()))
                    .put("end", local(a.getEndsAt()))
                    .put("status", a.getStatus())
                    .put("address", a.getAddress())
                    .put("problem", a.getProblem())
                    .put("emergency", a.getEmergency())
                    .put("channel", a.getChannel())
                    .put("created_at", local(a.getCreatedAt()))
                    .put("history", history));
        }
        return out;
    }

    private JsonArray calls(DSLContext tx, String phone) {
        JsonArray out = new JsonArray();
        for (var c : tx.selectFrom(CALL_LOG).where(CALL_LOG.CALLER_PHONE.eq(phone))
                .orderBy(CALL_LOG.STARTED_AT).fetch()) {
            JsonArray turns = new JsonArray();
            for (var t : tx.selectFrom(CALL_TURN).where(CALL_TURN.CALL_SID.eq(c.getCallSid()))
                    .orderBy(CALL_TURN.TURN).fetch()) {
                turns.add(new JsonObject().put("turn", t.getTurn()).put("at", local(t.getAt()))
                        .put("heard", t.getHeard()).put("said", t.getSaid()));
            }
            out.add(new JsonObject()
                    .put("id", c.getCallSid())
                    .put("started_at", local(c.getStartedAt()))
                    .put("ended_at", local(c.getEndedAt()))
                    .put("outcome", c.getOutcome())
                    .put("appointment_id", c.getAppointmentId() == null ? null : c.getAppointmentId().toString())
                    .put("summary", c.getSummary())
                    .put("turns", turns));
        }
        return out;
    }

    private JsonArray messages(DSLContext tx, String phone) {
        JsonArray out = new JsonArray();
        for (var m : tx.select(INBOUND_MESSAGE.CHANNEL, INBOUND_MESSAGE.RECEIVED_AT, INBOUND_MESSAGE.STATUS,
                        INBOUND_MESSAGE.BODY, INBOUND_MESSAGE.MEDIA_COUNT, PROCESSED_MESSAGE.REPLY)
                .from(INBOUND_MESSAGE.leftJoin(PROCESSED_MESSAGE)
                        .on(PROCESSED_MESSAGE.PROVIDER.eq(INBOUND_MESSAGE.PROVIDER))
                        .and(PROCESSED_MESSAGE.MESSAGE_ID.eq(INBOUND_MESSAGE.MESSAGE_ID)))
                .where(INBOUND_MESSAGE.SENDER.eq(phone))
                .orderBy(INBOUND_MESSAGE.RECEIVED_AT).fetch()) {
            out.add(new JsonObject()
                    .put("channel", m.value1())
                    .put("received_at", local(m.value2()))
                    .put("status", m.value3())
                    // Cleared once answered (or past SWITCHBOARD_RETENTION_MESSAGES): null means not kept.
                    .put("text", m.value4())
                    .put("media_count", m.value5())
                    .put("reply", m.value6()));
        }
        return out;
    }

    private JsonArray ownerAlerts(DSLContext tx, String phone) {
        JsonArray out = new JsonArray();
        for (var a : tx.selectFrom(OWNER_ALERT).where(OWNER_ALERT.CALLER_PHONE.eq(phone))
                .orderBy(OWNER_ALERT.CREATED_AT).fetch()) {
            out.add(new JsonObject()
                    .put("channel", a.getChannel())
                    .put("created_at", local(a.getCreatedAt()))
                    .put("status", a.getStatus())
                    .put("name", a.getCallerName())
                    .put("address", a.getAddress())
                    .put("problem", a.getProblem()));
        }
        return out;
    }

    private JsonArray missedCalls(DSLContext tx, String phone) {
        JsonArray out = new JsonArray();
        for (var m : tx.selectFrom(MISSED_CALL).where(MISSED_CALL.CALLER_PHONE.eq(phone))
                .orderBy(MISSED_CALL.MISSED_AT).fetch()) {
            out.add(new JsonObject().put("call_sid", m.getCallSid()).put("reason", m.getReason())
                    .put("texted_back", m.getTextedBack()).put("missed_at", local(m.getMissedAt())));
        }
        return out;
    }

    private JsonArray optOuts(DSLContext tx, String phone) {
        JsonArray out = new JsonArray();
        for (var o : tx.selectFrom(MESSAGING_OPT_OUT).where(MESSAGING_OPT_OUT.PHONE.eq(phone)).fetch()) {
            out.add(new JsonObject().put("channel", o.getChannel()).put("opted_out_at", local(o.getOptedOutAt())));
        }
        return out;
    }

    private String local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime().toString();
    }
}
