package io.switchboard.scheduling.calendar;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.switchboard.scheduling.db.Tables.CALENDAR_OUTBOX;

/**
 * The seam to external calendars: booking transactions append changes here, and {@link #drain} hands them to a
 * {@link CalendarSink} in order, so a calendar outage delays the mirror but never a booking.
 */
public final class CalendarOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarOutbox.class);

    private final DSLContext dsl;
    private final Clock clock;

    public CalendarOutbox(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
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
     * Pushes pending changes in order, stopping at the first failure so a later change never overtakes an
     * earlier one for the same appointment.
     *
     * @return how many were delivered
     */
    public int drain(CalendarSink sink, int limit) {
        int delivered = 0;
        for (CalendarChange change : pending(limit)) {
            try {
                sink.push(change);
            } catch (Exception e) {
                String reason = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
                dsl.update(CALENDAR_OUTBOX)
                        .set(CALENDAR_OUTBOX.ATTEMPTS, CALENDAR_OUTBOX.ATTEMPTS.plus(1))
                        .set(CALENDAR_OUTBOX.LAST_ERROR, reason.length() > 500 ? reason.substring(0, 500) : reason)
                        .where(CALENDAR_OUTBOX.ID.eq(change.id()))
                        .execute();
                LOG.warn("calendar sync of change {} failed (attempt {}): {}", change.id(), change.attempts() + 1,
                        e.getClass().getSimpleName());
                break;
            }
            dsl.update(CALENDAR_OUTBOX)
                    .set(CALENDAR_OUTBOX.DELIVERED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .set(CALENDAR_OUTBOX.ATTEMPTS, CALENDAR_OUTBOX.ATTEMPTS.plus(1))
                    .where(CALENDAR_OUTBOX.ID.eq(change.id()))
                    .execute();
            delivered++;
        }
        return delivered;
    }
}
