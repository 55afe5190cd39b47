package io.switchboard.scheduling.calendar;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.switchboard.scheduling.db.Tables.CALENDAR_OUTBOX;

/**
 * The seam to external calendars: booking transactions append changes here, and {@link #drain} hands them to a
 * {@link CalendarSink} in order per appointment, so a calendar outage delays the mirror but never a booking.
 *
 * <p>Several Switchboard instances may drain one database at once. Each change is claimed with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} in its own transaction and marked delivered before that transaction
 * commits, so two relays never push the same change (barring a crash between push and commit, which is why sinks
 * must be idempotent per change id). A change is only claimable while no earlier change of the same appointment is
 * undelivered — including one another relay is pushing right now — so a reschedule never overtakes its booking.
 *
 * <p>A change that failed {@code parkAfter} times is parked for {@code parkFor} ({@code retry_after}): other
 * appointments' changes go ahead meanwhile, later changes of its own appointment still wait behind it, and it is
 * tried again once that time has passed ({@link #parked()} counts them for the metrics).
 */
public final class CalendarOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarOutbox.class);

    /** Attempts after which a failing change is parked, so it stops holding up other appointments' changes. */
    public static final int DEFAULT_PARK_AFTER = 5;
    /** How long a parked change waits before it is tried again. */
    public static final Duration DEFAULT_PARK_FOR = Duration.ofMinutes(15);

    private final DSLContext dsl;
    private final Clock clock;
    private final int parkAfter;
    private final Duration parkFor;

    public CalendarOutbox(DSLContext dsl, Clock clock) {
        this(dsl, clock, DEFAULT_PARK_AFTER, DEFAULT_PARK_FOR);
    }

    public CalendarOutbox(DSLContext dsl, Clock clock, int parkAfter, Duration parkFor) {
        if (parkAfter < 1 || parkFor.isNegative() || parkFor.isZero()) {
            throw new IllegalArgumentException("parkAfter must be at least 1 and parkFor positive");
        }
        this.dsl = dsl;
        this.clock = clock;
        this.parkAfter = parkAfter;
        this.parkFor = parkFor;
    }

    /** Undelivered changes that failed {@code parkAfter} times and wait for their next try (a metric). */
    public int parked() {
        return dsl.fetchCount(CALENDAR_OUTBOX, CALENDAR_OUTBOX.DELIVERED_AT.isNull()
                .and(CALENDAR_OUTBOX.RETRY_AFTER.gt(clock.instant().atOffset(ZoneOffset.UTC))));
    }

    /** Whether a change of this appointment still waits to reach the calendar (what the calendar shows is stale). */
    public static boolean hasPending(DSLContext dsl, UUID appointmentId) {
        return dsl.fetchExists(CALENDAR_OUTBOX, CALENDAR_OUTBOX.APPOINTMENT_ID.eq(appointmentId)
                .and(CALENDAR_OUTBOX.DELIVERED_AT.isNull()));
    }

    /** Appends a change inside the booking's transaction. */
    public void append(DSLContext tx, UUID appointmentId, String kind, JSONB payload) {
        tx.insertInto(CALENDAR_OUTBOX)
                .set(CALENDAR_OUTBOX.APPOINTMENT_ID, appointmentId)
                .set(CALENDAR_OUTBOX.CHANGE, kind)
                .set(CALENDAR_OUTBOX.PAYLOAD, payload)
                .set(CALENDAR_OUTBOX.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .execute();
    }

    public List<CalendarChange> pending(int limit) {
        return dsl.selectFrom(CALENDAR_OUTBOX)
                .where(CALENDAR_OUTBOX.DELIVERED_AT.isNull())
                .orderBy(CALENDAR_OUTBOX.ID)
                .limit(limit)
                .fetch(r -> new CalendarChange(r.getId(), r.getAppointmentId(), r.getChange(), r.getPayload().data(),
                        r.getAttempts()));
    }

    /**
     * Pushes up to {@code limit} pending changes, one transaction each, stopping at the first failure (the calendar
     * is most likely down; the relay backs off and retries).
     */
    public DrainResult drain(CalendarSink sink, int limit) {
        int delivered = 0;
        while (delivered < limit) {
            Outcome outcome = dsl.transactionResult(cfg -> deliverNext(DSL.using(cfg), sink));
            switch (outcome) {
                case DELIVERED -> delivered++;
                case NOTHING_CLAIMABLE -> {
                    return new DrainResult(delivered, false);
                }
                case FAILED -> {
                    return new DrainResult(delivered, true);
                }
            }
        }
        return new DrainResult(delivered, false);
    }

    /** Claims the oldest claimable change, pushes it and records the outcome, all before the claim is released. */
    private Outcome deliverNext(DSLContext tx, CalendarSink sink) {
        Optional<CalendarChange> claimed = claimNext(tx);
        if (claimed.isEmpty()) {
            return Outcome.NOTHING_CLAIMABLE;
        }
        CalendarChange change = claimed.get();
        try {
            sink.push(change);
        } catch (Exception e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            int attempts = change.attempts() + 1;
            boolean park = attempts >= parkAfter;
            tx.update(CALENDAR_OUTBOX)
                    .set(CALENDAR_OUTBOX.ATTEMPTS, CALENDAR_OUTBOX.ATTEMPTS.plus(1))
                    .set(CALENDAR_OUTBOX.LAST_ERROR, reason.length() > 500 ? reason.substring(0, 500) : reason)
                    .set(CALENDAR_OUTBOX.RETRY_AFTER, park ? clock.instant().plus(parkFor).atOffset(ZoneOffset.UTC) : null)
                    .where(CALENDAR_OUTBOX.ID.eq(change.id()))
                    .execute();
            LOG.warn("calendar sync of change {} failed (attempt {}{}): {}", change.id(), attempts,
                    park ? ", parked for " + parkFor.toMinutes() + " min" : "", e.getClass().getSimpleName());
            return Outcome.FAILED;
        }
        tx.update(CALENDAR_OUTBOX)
                .set(CALENDAR_OUTBOX.DELIVERED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(CALENDAR_OUTBOX.ATTEMPTS, CALENDAR_OUTBOX.ATTEMPTS.plus(1))
                .where(CALENDAR_OUTBOX.ID.eq(change.id()))
                .execute();
        return Outcome.DELIVERED;
    }

    private Optional<CalendarChange> claimNext(DSLContext tx) {
        var earlier = CALENDAR_OUTBOX.as("earlier");
        return tx.selectFrom(CALENDAR_OUTBOX)
                .where(CALENDAR_OUTBOX.DELIVERED_AT.isNull())
                .and(CALENDAR_OUTBOX.RETRY_AFTER.isNull()
                        .or(CALENDAR_OUTBOX.RETRY_AFTER.le(clock.instant().atOffset(ZoneOffset.UTC))))
                .andNotExists(DSL.selectOne().from(earlier)
                        .where(earlier.APPOINTMENT_ID.eq(CALENDAR_OUTBOX.APPOINTMENT_ID))
                        .and(earlier.ID.lt(CALENDAR_OUTBOX.ID))
                        .and(earlier.DELIVERED_AT.isNull()))
                .orderBy(CALENDAR_OUTBOX.ID)
                .limit(1)
                .forUpdate()
                .skipLocked()
                .fetchOptional(r -> new CalendarChange(r.getId(), r.getAppointmentId(), r.getChange(),
                        r.getPayload().data(), r.getAttempts()));
    }

    /**
     * @param delivered        changes pushed and marked delivered
     * @param stoppedOnFailure the sink refused a change; it stays pending with one more attempt counted
     */
    public record DrainResult(int delivered, boolean stoppedOnFailure) {
    }

    private enum Outcome { DELIVERED, NOTHING_CLAIMABLE, FAILED }
}
