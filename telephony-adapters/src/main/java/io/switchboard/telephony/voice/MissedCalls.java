package io.switchboard.telephony.voice;

import static io.switchboard.scheduling.db.Tables.MISSED_CALL;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * The owner's call-back list ({@code missed_call}), newest first: calls turned away, and messages to call back. Blocking: call from a worker thread.
 */
public final class MissedCalls {

    /** The most a listing returns. */
    public static final int MAX_LISTED = 500;

    private final DSLContext dsl;
    private final Clock clock;

    public MissedCalls(DSLContext dsl, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Notes a call turned away now.
     *
     * @param callerPhone E.164 or null when withheld
     * @return false if this call was already recorded
     */
    public boolean record(String callSid, String callerPhone, String reason) {
        return dsl.insertInto(MISSED_CALL)
                .set(MISSED_CALL.CALL_SID, callSid)
                .set(MISSED_CALL.CALLER_PHONE, callerPhone)
                .set(MISSED_CALL.REASON, reason)
                .set(MISSED_CALL.MISSED_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute() == 1;
    }

    /**
     * Notes a message to call back ({@link MissedCall#MESSAGE}) now.
     *
     * @param conversationKey the conversation it came from; the time is added, so one conversation may leave several
     * @param callerPhone     E.164 or null when unknown
     * @param text            what the owner is told, already cleaned of caller-supplied numbers and links
     */
    public void recordMessage(String conversationKey, String callerPhone, String text) {
        Instant now = clock.instant();
        String key = conversationKey == null ? "unknown" : conversationKey;
        String id = (key.length() > 48 ? key.substring(0, 48) : key) + ':' + now.toEpochMilli();
        dsl.insertInto(MISSED_CALL)
                .set(MISSED_CALL.CALL_SID, id)
                .set(MISSED_CALL.CALLER_PHONE, callerPhone)
                .set(MISSED_CALL.REASON, MissedCall.MESSAGE)
                .set(MISSED_CALL.MISSED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .set(MISSED_CALL.MESSAGE, text.length() > 1000 ? text.substring(0, 1000) : text)
                .onConflictDoNothing()
                .execute();
    }

    /** The caller was sent the "we'll call you back" text. */
    public void textedBack(String callSid) {
        dsl.update(MISSED_CALL).set(MISSED_CALL.TEXTED_BACK, true).where(MISSED_CALL.CALL_SID.eq(callSid)).execute();
    }

    /**
     * The owner has called this caller back. Returns false when no such call is listed; ticking one off twice keeps
     * the first time.
     */
    public boolean done(String callSid) {
        int updated = dsl.update(MISSED_CALL)
                .set(MISSED_CALL.DONE_AT, org.jooq.impl.DSL.coalesce(MISSED_CALL.DONE_AT,
                        org.jooq.impl.DSL.val(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))))
                .where(MISSED_CALL.CALL_SID.eq(callSid))
                .execute();
        return updated == 1;
    }

    /** Calls missed at or after {@code since}, newest first, at most {@link #MAX_LISTED}. */
    public List<MissedCall> since(Instant since) {
        return dsl.selectFrom(MISSED_CALL)
                .where(MISSED_CALL.MISSED_AT.ge(OffsetDateTime.ofInstant(since, ZoneOffset.UTC)))
                .orderBy(MISSED_CALL.MISSED_AT.desc())
                .limit(MAX_LISTED)
                .fetch(r -> new MissedCall(r.getCallSid(), r.getCallerPhone(), r.getReason(), r.getTextedBack(),
                        r.getMissedAt().toInstant(), r.getMessage(),
                        r.getDoneAt() == null ? null : r.getDoneAt().toInstant()));
    }
}
