package io.switchboard.telephony.alerts;

import static io.switchboard.scheduling.db.Tables.OWNER_ALERT;

import io.switchboard.dialog.EmergencyAlert;
import io.switchboard.models.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The owner alert queue ({@code owner_alert}). Enqueueing is one insert; everything a dispatcher does happens in
 * one transaction it holds (see {@link OwnerAlertDispatcher}), through the {@code tx} methods here. Blocking: call
 * from a worker thread.
 */
public final class OwnerAlertStore {

    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String EXPIRED = "expired";

    /** Column widths of the caller-supplied fields (V3_6). */
    static final int NAME_CHARS = 60;
    static final int ADDRESS_CHARS = 120;
    static final int PROBLEM_CHARS = 200;

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final DSLContext dsl;
    private final Clock clock;

    public OwnerAlertStore(DSLContext dsl, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    DSLContext dsl() {
        return dsl;
    }

    /**
     * Queues the alert, due at once, unless its conversation queued one within {@code oneAlertPer}.
     *
     * @return true if it was queued, false if this conversation's alert is queued (or sent) already
     */
    public boolean enqueue(EmergencyAlert alert, Duration oneAlertPer) {
        OffsetDateTime now = at(clock.instant());
        String key = alert.conversationKey();
        Channel channel = alert.channel() == null ? Channel.WEB : alert.channel();
        // Shown in full to the owner (to call back), so only a well-formed E.164 number is kept.
        String phone = alert.callerPhone() != null && E164.matcher(alert.callerPhone()).matches()
                ? alert.callerPhone() : null;
        var values = DSL.select(
                DSL.val(key, OWNER_ALERT.CONVERSATION_KEY),
                DSL.val(channel.wireName(), OWNER_ALERT.CHANNEL),
                DSL.val(phone, OWNER_ALERT.CALLER_PHONE),
                DSL.val(UntrustedText.plain(alert.callerName(), NAME_CHARS), OWNER_ALERT.CALLER_NAME),
                DSL.val(UntrustedText.plain(alert.address(), ADDRESS_CHARS), OWNER_ALERT.ADDRESS),
                DSL.val(UntrustedText.plain(alert.problem(), PROBLEM_CHARS), OWNER_ALERT.PROBLEM),
                DSL.val(now, OWNER_ALERT.CREATED_AT),
                DSL.val(PENDING, OWNER_ALERT.STATUS),
                DSL.val(now, OWNER_ALERT.NEXT_ATTEMPT_AT));
        var insert = dsl.insertInto(OWNER_ALERT, OWNER_ALERT.CONVERSATION_KEY, OWNER_ALERT.CHANNEL,
                OWNER_ALERT.CALLER_PHONE, OWNER_ALERT.CALLER_NAME, OWNER_ALERT.ADDRESS, OWNER_ALERT.PROBLEM,
                OWNER_ALERT.CREATED_AT, OWNER_ALERT.STATUS, OWNER_ALERT.NEXT_ATTEMPT_AT);
        if (key == null) {
            return insert.select(values).execute() == 1;
        }
        return insert.select(values.whereNotExists(DSL.selectOne().from(OWNER_ALERT)
                .where(OWNER_ALERT.CONVERSATION_KEY.eq(key))
                .and(OWNER_ALERT.CREATED_AT.gt(at(clock.instant().minus(oneAlertPer))))))
                .execute() == 1;
    }

    /**
     * Deletes delivered and expired alerts raised before {@code cutoff}: they hold callers' numbers and words, and
     * pacing needs only the last few minutes. Pending alerts are never pruned.
     */
    public int pruneOlderThan(Instant cutoff) {
        return dsl.deleteFrom(OWNER_ALERT).where(OWNER_ALERT.STATUS.in(SENT, EXPIRED))
                .and(OWNER_ALERT.CREATED_AT.lt(at(cutoff))).execute();
    }

    /** Alerts waiting for a text (new, deferred or failed), for metrics and tests. */
    public int pendingCount() {
        return dsl.fetchCount(OWNER_ALERT, OWNER_ALERT.STATUS.eq(PENDING));
    }

    /** Cheap check before taking the dispatch lock: is anything due now? */
    boolean anyDue(Instant now) {
        return dsl.fetchExists(OWNER_ALERT, OWNER_ALERT.STATUS.eq(PENDING).and(OWNER_ALERT.NEXT_ATTEMPT_AT.le(at(now))));
    }

    /**
     * Takes the transaction-scoped dispatch lock of this schema without waiting: one dispatcher at a time paces the
     * owner's texts, across every instance on the database. Released at commit or rollback.
     */
    static boolean tryDispatchLock(DSLContext tx) {
        Boolean got = tx.fetchValue(DSL.field("pg_try_advisory_xact_lock(hashtext('switchboard.owner_alert.' || "
                + "current_schema()))", Boolean.class));
        return Boolean.TRUE.equals(got);
    }

    /** When the owner was last sent an alert text. */
    static Optional<Instant> lastSent(DSLContext tx) {
        OffsetDateTime last = tx.select(DSL.max(OWNER_ALERT.SENT_AT)).from(OWNER_ALERT)
                .where(OWNER_ALERT.STATUS.eq(SENT)).fetchOne(0, OffsetDateTime.class);
        return Optional.ofNullable(last).map(OffsetDateTime::toInstant);
    }

    /** Marks pending alerts raised before {@code cutoff} as expired; returns how many. */
    static int expireRaisedBefore(DSLContext tx, Instant cutoff) {
        return tx.update(OWNER_ALERT).set(OWNER_ALERT.STATUS, EXPIRED)
                .where(OWNER_ALERT.STATUS.eq(PENDING)).and(OWNER_ALERT.CREATED_AT.lt(at(cutoff))).execute();
    }

    /**
     * Locks and returns the alerts due now, oldest first, skipping rows another transaction holds: a second worker
     * never sees an alert the first is sending.
     */
    static List<PendingAlert> claimDue(DSLContext tx, Instant now, int limit) {
        return tx.selectFrom(OWNER_ALERT)
                .where(OWNER_ALERT.STATUS.eq(PENDING)).and(OWNER_ALERT.NEXT_ATTEMPT_AT.le(at(now)))
                .orderBy(OWNER_ALERT.CREATED_AT, OWNER_ALERT.ID)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(OwnerAlertStore::pending);
    }

    static void markSent(DSLContext tx, Collection<Long> ids, Instant now, String providerId) {
        tx.update(OWNER_ALERT).set(OWNER_ALERT.STATUS, SENT).set(OWNER_ALERT.SENT_AT, at(now))
                .set(OWNER_ALERT.PROVIDER_ID, providerId).setNull(OWNER_ALERT.LAST_ERROR)
                .where(OWNER_ALERT.ID.in(ids)).execute();
    }

    /** Rate-limited: tried again at {@code next} (not counted as a failure). */
    static void defer(DSLContext tx, Collection<Long> ids, Instant next, String why) {
        tx.update(OWNER_ALERT).set(OWNER_ALERT.NEXT_ATTEMPT_AT, at(next)).set(OWNER_ALERT.LAST_ERROR, why)
                .where(OWNER_ALERT.ID.in(ids)).execute();
    }

    /** A failed send: one more failure each, and the next attempt at {@code next}. */
    static void failed(DSLContext tx, Collection<Long> ids, Instant next, String why) {
        tx.update(OWNER_ALERT).set(OWNER_ALERT.ATTEMPTS, OWNER_ALERT.ATTEMPTS.plus(1))
                .set(OWNER_ALERT.NEXT_ATTEMPT_AT, at(next))
                .set(OWNER_ALERT.LAST_ERROR, why.length() > 200 ? why.substring(0, 200) : why)
                .where(OWNER_ALERT.ID.in(ids)).execute();
    }

    private static PendingAlert pending(Record r) {
        return new PendingAlert(r.get(OWNER_ALERT.ID),
                Channel.fromWire(r.get(OWNER_ALERT.CHANNEL)).orElse(Channel.WEB),
                r.get(OWNER_ALERT.CALLER_PHONE), r.get(OWNER_ALERT.CALLER_NAME), r.get(OWNER_ALERT.ADDRESS),
                r.get(OWNER_ALERT.PROBLEM), r.get(OWNER_ALERT.CREATED_AT).toInstant(), r.get(OWNER_ALERT.ATTEMPTS));
    }

    private static OffsetDateTime at(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
