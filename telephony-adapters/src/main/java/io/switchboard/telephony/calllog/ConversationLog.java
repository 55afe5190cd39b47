package io.switchboard.telephony.calllog;

import static io.switchboard.scheduling.db.Tables.CALL_LOG;
import static io.switchboard.scheduling.db.Tables.CALL_TURN;
import static io.switchboard.scheduling.db.Tables.CONVERSATION_ERROR;

import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.metrics.DependencyKind;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.db.tables.records.CallLogRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Text conversations in the call log ({@code call_log}/{@code call_turn}, {@code channel} other than voice), so the
 * owner sees chats and texts next to calls and the metrics count every channel. A conversation is one session on one
 * local day: its row is created by the first message and updated by each later one (end time, strongest outcome,
 * the appointment it concerns), and each message with its reply is a turn. Blocking JDBC: call from a worker thread.
 */
public final class ConversationLog {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final DSLContext dsl;
    private final ZoneId zone;

    public ConversationLog(DSLContext dsl, ZoneId zone) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * The log's id of a text session's conversation on the day of {@code at}: the channel, a hash of the session id
     * (session ids hold phone numbers) and the day, e.g. {@code sms-3f2a…-20261123}.
     */
    public String conversationId(Channel channel, String sessionId, Instant at) {
        String hash = HexFormat.of().formatHex(sha256(sessionId)).substring(0, 40);
        return channel.wireName() + "-" + hash + "-" + DAY.format(at.atZone(zone));
    }

    /** Appends one message and its reply; returns the conversation's id. */
    public String append(TurnRequest request, TurnResult result, Instant at, long dialogMillis) {
        String id = conversationId(request.channel(), request.sessionId(), at);
        CallOutcome outcome = CallOutcome.of(result);
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            db.insertInto(CALL_LOG)
                    .set(CALL_LOG.CALL_SID, id)
                    .set(CALL_LOG.CHANNEL, request.channel().wireName())
                    .set(CALL_LOG.CALLER_PHONE, request.from())
                    .set(CALL_LOG.STARTED_AT, when)
                    .set(CALL_LOG.ENDED_AT, when)
                    .set(CALL_LOG.OUTCOME, CallOutcome.ABANDONED.wireName())
                    .onConflictDoNothing()
                    .execute();
            // The row lock orders two messages of one conversation arriving at once on two instances.
            CallLogRecord row = db.selectFrom(CALL_LOG).where(CALL_LOG.CALL_SID.eq(id)).forUpdate().fetchSingle();
            CallOutcome strongest = CallOutcome.stronger(CallOutcome.fromWireName(row.getOutcome()), outcome);
            db.update(CALL_LOG)
                    .set(CALL_LOG.ENDED_AT, row.getEndedAt().isAfter(when) ? row.getEndedAt() : when)
                    .set(CALL_LOG.OUTCOME, strongest.wireName())
                    .set(CALL_LOG.APPOINTMENT_ID, result.appointment() != null && strongest == outcome
                            ? result.appointment().id() : row.getAppointmentId())
                    .set(CALL_LOG.CALLER_PHONE, row.getCallerPhone() != null ? row.getCallerPhone() : request.from())
                    .where(CALL_LOG.CALL_SID.eq(id))
                    .execute();
            int turn = db.select(DSL.coalesce(DSL.max(CALL_TURN.TURN), 0)).from(CALL_TURN)
                    .where(CALL_TURN.CALL_SID.eq(id)).fetchSingle().value1() + 1;
            int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(0, dialogMillis));
            db.insertInto(CALL_TURN)
                    .set(CALL_TURN.CALL_SID, id)
                    .set(CALL_TURN.TURN, turn)
                    .set(CALL_TURN.VIA, "text")
                    .set(CALL_TURN.HEARD, request.text())
                    .set(CALL_TURN.SAID, result.reply() == null ? "" : result.reply())
                    .set(CALL_TURN.INTENT, result.intent() == null ? null : result.intent().wireName())
                    .set(CALL_TURN.STATE, result.state() == null ? null : result.state().wireName())
                    .set(CALL_TURN.AT, when)
                    .set(CALL_TURN.DIALOG_MS, millis)
                    .set(CALL_TURN.TOTAL_MS, millis)
                    .set(CALL_TURN.INTERRUPTED, false)
                    .execute();
        });
        return id;
    }

    /** A turn on {@code channel} that failed on {@code kind}. */
    public void failed(Channel channel, DependencyKind kind, Instant at) {
        dsl.insertInto(CONVERSATION_ERROR)
                .set(CONVERSATION_ERROR.CHANNEL, channel.wireName())
                .set(CONVERSATION_ERROR.KIND, kind.tag())
                .set(CONVERSATION_ERROR.AT, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .execute();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
