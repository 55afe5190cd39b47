package io.switchboard.scheduling.reminder;

import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.audit.AuditLog;
import io.switchboard.scheduling.booking.AppointmentStore;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.switchboard.scheduling.db.Tables.APPOINTMENT_REMINDER;

/**
 * Day-before reminders in PostgreSQL ({@code appointment_reminder}). A reminder is claimed by inserting its row
 * (appointment and start time) before it is sent: whichever instance inserts it sends it, and nothing sends it again,
 * after a restart or on another instance. A moved booking is a new start time, so it is reminded again. Blocking:
 * call from a worker thread.
 */
public final class ReminderStore {

    /** Audit action of a reminder. */
    public static final String REMINDED = "REMINDED";
    public static final String ACTOR = "day-before reminder";

    private final DSLContext dsl;
    private final AppointmentStore appointments;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    public ReminderStore(DSLContext dsl, AppointmentStore appointments, AuditLog audit, Clock clock, ZoneId zone) {
        this.dsl = dsl;
        this.appointments = appointments;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** Booked appointments on {@code day} (local) not yet reminded of their current start. */
    public List<Appointment> unremindedOn(LocalDate day) {
        return appointments.startingBetween(day.atStartOfDay(zone).toInstant(),
                        day.plusDays(1).atStartOfDay(zone).toInstant()).stream()
                .filter(a -> a.status() == AppointmentStatus.BOOKED)
                .filter(a -> !dsl.fetchExists(APPOINTMENT_REMINDER, APPOINTMENT_REMINDER.APPOINTMENT_ID.eq(a.id())
                        .and(APPOINTMENT_REMINDER.STARTS_AT.eq(a.slot().start().toInstant().atOffset(ZoneOffset.UTC)))))
                .toList();
    }

    /**
     * Claims the reminder of {@code a} at its current start.
     *
     * @return true when this caller must send it; false when it is claimed already
     */
    public boolean claim(Appointment a, Channel channel, String phone) {
        return dsl.insertInto(APPOINTMENT_REMINDER)
                .set(APPOINTMENT_REMINDER.APPOINTMENT_ID, a.id())
                .set(APPOINTMENT_REMINDER.STARTS_AT, a.slot().start().toInstant().atOffset(ZoneOffset.UTC))
                .set(APPOINTMENT_REMINDER.CHANNEL, channel.name())
                .set(APPOINTMENT_REMINDER.PHONE, phone)
                .set(APPOINTMENT_REMINDER.OUTCOME, "claimed")
                .set(APPOINTMENT_REMINDER.CLAIMED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** What became of a claimed reminder ({@code sent}, {@code opted_out}, {@code failed}), with its audit entry. */
    public void record(Appointment a, Channel channel, String outcome) {
        Instant now = clock.instant();
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.update(APPOINTMENT_REMINDER).set(APPOINTMENT_REMINDER.OUTCOME, outcome)
                    .where(APPOINTMENT_REMINDER.APPOINTMENT_ID.eq(a.id()))
                    .and(APPOINTMENT_REMINDER.STARTS_AT.eq(a.slot().start().toInstant().atOffset(ZoneOffset.UTC)))
                    .execute();
            audit.record(tx, now, REMINDED, a.id(), channel, ACTOR, null, JSONB.valueOf(
                    "{\"outcome\":\"" + outcome + "\",\"starts_at\":\"" + a.slot().start().toInstant() + "\"}"));
        });
    }

    /**
     * The appointment a number was last reminded of within {@code within}, if it is still booked: a reply to the
     * reminder ("cancel", "can we move it") is about that one.
     */
    public static Optional<UUID> lastRemindedFor(DSLContext dsl, String phoneE164, Instant now, Duration within) {
        return dsl.select(APPOINTMENT_REMINDER.APPOINTMENT_ID).from(APPOINTMENT_REMINDER)
                .where(APPOINTMENT_REMINDER.PHONE.eq(phoneE164))
                .and(APPOINTMENT_REMINDER.OUTCOME.eq("sent"))
                .and(APPOINTMENT_REMINDER.CLAIMED_AT.gt(now.minus(within).atOffset(ZoneOffset.UTC)))
                .orderBy(APPOINTMENT_REMINDER.CLAIMED_AT.desc())
                .limit(1)
                .fetchOptional(r -> r.value1());
    }
}
