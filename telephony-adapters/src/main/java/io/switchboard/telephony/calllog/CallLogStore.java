package io.switchboard.telephony.calllog;

import static io.switchboard.scheduling.db.Tables.CALL_LOG;
import static io.switchboard.scheduling.db.Tables.CALL_TURN;

import io.switchboard.scheduling.db.tables.records.CallLogRecord;
import io.switchboard.scheduling.db.tables.records.CallTurnRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The call log in PostgreSQL ({@code call_log}, {@code call_turn}). Blocking JDBC: use from a worker thread (the
 * {@link CallLogWriter}, the API's worker pool), never from a call's threads or an event loop.
 */
public final class CallLogStore {

    /** The most a listing returns. */
    public static final int MAX_LISTED = 500;

    private final DSLContext dsl;

    public CallLogStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /**
     * Stores a finished call and its turns in one transaction.
     *
     * @return false if a call with this SID was stored already (it is left as it was)
     */
    public boolean save(LoggedCall call) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            int inserted = db.insertInto(CALL_LOG)
                    .set(CALL_LOG.CALL_SID, call.callSid())
                    .set(CALL_LOG.CALLER_PHONE, call.callerPhone())
                    .set(CALL_LOG.STARTED_AT, utc(call.startedAt()))
                    .set(CALL_LOG.ENDED_AT, utc(call.endedAt()))
                    .set(CALL_LOG.OUTCOME, call.outcome().wireName())
                    .set(CALL_LOG.APPOINTMENT_ID, call.appointmentId())
                    .set(CALL_LOG.SUMMARY, call.summary())
                    .set(CALL_LOG.CHANNEL, call.channel().wireName())
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 0) {
                return false;
            }
            for (LoggedTurn t : call.turns()) {
                db.insertInto(CALL_TURN)
                        .set(CALL_TURN.CALL_SID, call.callSid())
                        .set(CALL_TURN.TURN, t.turn())
                        .set(CALL_TURN.VIA, t.via())
                        .set(CALL_TURN.HEARD, t.heard())
                        .set(CALL_TURN.HEARD_CONFIDENCE, t.confidence())
                        .set(CALL_TURN.SAID, t.said())
                        .set(CALL_TURN.INTENT, t.intent())
                        .set(CALL_TURN.STATE, t.state())
                        .set(CALL_TURN.AT, utc(t.at()))
                        .set(CALL_TURN.END_OF_TURN_MS, t.endOfTurnMs())
                        .set(CALL_TURN.STT_MS, t.sttMs())
                        .set(CALL_TURN.DIALOG_MS, t.dialogMs())
                        .set(CALL_TURN.TTS_MS, t.ttsMs())
                        .set(CALL_TURN.TOTAL_MS, t.totalMs())
                        .set(CALL_TURN.INTERRUPTED, t.interrupted())
                        .execute();
            }
            return true;
        });
    }

    /** Calls started at or after {@code since}, newest first, at most {@link #MAX_LISTED}, without their turns. */
    public List<LoggedCall> since(Instant since) {
        var turns = DSL.field(DSL.selectCount().from(CALL_TURN).where(CALL_TURN.CALL_SID.eq(CALL_LOG.CALL_SID)))
                .as("turns");
        return dsl.select(CALL_LOG.asterisk(), turns)
                .from(CALL_LOG)
                .where(CALL_LOG.STARTED_AT.ge(utc(since)))
                .orderBy(CALL_LOG.STARTED_AT.desc(), CALL_LOG.CALL_SID)
                .limit(MAX_LISTED)
                .fetch(r -> call(r.into(CALL_LOG), List.of(), r.get(turns)));
    }

    /** One call with all its turns in order, or empty if it is not (or no longer) stored. */
    public Optional<LoggedCall> find(String callSid) {
        CallLogRecord row = dsl.selectFrom(CALL_LOG).where(CALL_LOG.CALL_SID.eq(callSid)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        List<LoggedTurn> turns = dsl.selectFrom(CALL_TURN).where(CALL_TURN.CALL_SID.eq(callSid))
                .orderBy(CALL_TURN.TURN).fetch(CallLogStore::turn);
        return Optional.of(call(row, turns, turns.size()));
    }

    /** Deletes calls (and, by cascade, their turns) that started before {@code cutoff}; returns how many. */
    public int deleteStartedBefore(Instant cutoff) {
        dsl.deleteFrom(io.switchboard.scheduling.db.Tables.CONVERSATION_ERROR)
                .where(io.switchboard.scheduling.db.Tables.CONVERSATION_ERROR.AT.lt(utc(cutoff))).execute();
        return dsl.deleteFrom(CALL_LOG).where(CALL_LOG.STARTED_AT.lt(utc(cutoff))).execute();
    }

    private static LoggedCall call(CallLogRecord r, List<LoggedTurn> turns, int count) {
        return new LoggedCall(r.getCallSid(), r.getCallerPhone(), r.getStartedAt().toInstant(),
                r.getEndedAt().toInstant(), CallOutcome.fromWireName(r.getOutcome()), r.getAppointmentId(),
                r.getSummary(), turns, count, io.switchboard.models.Channel.fromWire(r.getChannel())
                        .orElse(io.switchboard.models.Channel.VOICE));
    }

    private static LoggedTurn turn(CallTurnRecord r) {
        return new LoggedTurn(r.getTurn(), r.getVia(), r.getHeard(), r.getHeardConfidence(), r.getSaid(),
                r.getIntent(), r.getState(), r.getAt().toInstant(), r.getEndOfTurnMs(), r.getSttMs(),
                r.getDialogMs(), r.getTtsMs(), r.getTotalMs(), r.getInterrupted());
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
