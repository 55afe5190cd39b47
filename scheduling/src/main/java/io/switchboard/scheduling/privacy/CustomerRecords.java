package io.switchboard.scheduling.privacy;

import static io.switchboard.scheduling.db.Tables.APPOINTMENT;
import static io.switchboard.scheduling.db.Tables.AUDIT_LOG;
import static io.switchboard.scheduling.db.Tables.CALENDAR_OUTBOX;
import static io.switchboard.scheduling.db.Tables.CUSTOMER;

import io.switchboard.models.Channel;
import io.switchboard.scheduling.audit.AuditLog;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * A customer's details in the scheduling tables ({@code customer}, {@code appointment}, {@code audit_log},
 * {@code calendar_outbox}), for retention and erasure. Redacting keeps every booking as a stub for the owner's
 * records — id, service, times, status, channel, emergency flag — and removes the person: the booking points at
 * the placeholder customer {@link #ERASED_PHONE}, its address and problem are emptied, and the customer fields are
 * dropped from its audit snapshots and calendar payloads. Methods taking a {@link DSLContext} run in the caller's
 * transaction, so a redaction commits together with whatever else the caller erases.
 */
public final class CustomerRecords {

    /** The placeholder customer of redacted bookings. Not a dialable number: no caller can ever be it. */
    public static final String ERASED_PHONE = "+0";
    /** What the owner sees as the customer of a redacted booking. */
    public static final String ERASED_NAME = "[erased]";
    /** The audit action of a redaction, next to BOOKED / RESCHEDULED / CANCELLED. */
    public static final String REDACTED = "REDACTED";
    /** The snapshot keys that carry the person; the rest of a snapshot (time, service, status) is kept. */
    private static final String[] PERSONAL_KEYS = {"customer_phone", "customer_name", "address", "problem", "email"};

    private final DSLContext dsl;
    private final AuditLog audit;

    public CustomerRecords(DSLContext dsl, AuditLog audit) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * Customers whose records outlived {@code cutoff}: not updated since, and with no booking (past, upcoming, booked
     * or cancelled) ending at or after it — so a customer with a job tomorrow or last week is never among them.
     */
    public List<String> finishedBefore(Instant cutoff, int limit) {
        OffsetDateTime at = utc(cutoff);
        return dsl.select(CUSTOMER.PHONE).from(CUSTOMER)
                .where(CUSTOMER.PHONE.ne(ERASED_PHONE))
                .and(CUSTOMER.UPDATED_AT.lt(at))
                .andNotExists(DSL.selectOne().from(APPOINTMENT)
                        .where(APPOINTMENT.CUSTOMER_PHONE.eq(CUSTOMER.PHONE))
                        .and(APPOINTMENT.ENDS_AT.ge(at)))
                .orderBy(CUSTOMER.UPDATED_AT)
                .limit(limit)
                .fetch(CUSTOMER.PHONE);
    }

    /** Bookings of {@code phone} that start at or after {@code from} and are still booked. */
    public int upcomingBooked(String phone, Instant from) {
        return dsl.fetchCount(APPOINTMENT, APPOINTMENT.CUSTOMER_PHONE.eq(phone)
                .and(APPOINTMENT.STATUS.eq("BOOKED"))
                .and(APPOINTMENT.ENDS_AT.ge(utc(from))));
    }

    /**
     * Turns every booking of {@code phone} into a stub and deletes the customer, inside {@code tx}. Each redacted
     * booking gets an audit entry ({@value #REDACTED}, by {@code actor}) without personal data.
     */
    public RedactedBookings redact(DSLContext tx, String phone, Instant now, String actor) {
        Objects.requireNonNull(phone, "phone");
        if (ERASED_PHONE.equals(phone)) {
            return new RedactedBookings(List.of(), false);
        }
        OffsetDateTime at = utc(now);
        tx.insertInto(CUSTOMER)
                .set(CUSTOMER.PHONE, ERASED_PHONE).set(CUSTOMER.NAME, ERASED_NAME).set(CUSTOMER.ADDRESS, "")
                .set(CUSTOMER.CREATED_AT, at).set(CUSTOMER.UPDATED_AT, at)
                .onConflictDoNothing()
                .execute();
        var rows = tx.select(APPOINTMENT.ID, APPOINTMENT.CHANNEL).from(APPOINTMENT)
                .where(APPOINTMENT.CUSTOMER_PHONE.eq(phone))
                .forUpdate()
                .fetch();
        List<UUID> ids = rows.map(r -> r.value1());
        if (!ids.isEmpty()) {
            tx.update(AUDIT_LOG)
                    .set(AUDIT_LOG.BEFORE_STATE, withoutPerson(AUDIT_LOG.BEFORE_STATE))
                    .set(AUDIT_LOG.AFTER_STATE, withoutPerson(AUDIT_LOG.AFTER_STATE))
                    .where(AUDIT_LOG.APPOINTMENT_ID.in(ids))
                    .execute();
            tx.update(CALENDAR_OUTBOX)
                    .set(CALENDAR_OUTBOX.PAYLOAD, withoutPerson(CALENDAR_OUTBOX.PAYLOAD))
                    .where(CALENDAR_OUTBOX.APPOINTMENT_ID.in(ids))
                    .execute();
            tx.update(APPOINTMENT)
                    .set(APPOINTMENT.CUSTOMER_PHONE, ERASED_PHONE)
                    .set(APPOINTMENT.ADDRESS, "")
                    .set(APPOINTMENT.PROBLEM, "")
                    // Keys are derived from the conversation (session, number): part of the person too.
                    .setNull(APPOINTMENT.IDEMPOTENCY_KEY)
                    .setNull(APPOINTMENT.REQUEST_FINGERPRINT)
                    .set(APPOINTMENT.REDACTED_AT, at)
                    .where(APPOINTMENT.ID.in(ids))
                    .execute();
            for (var r : rows) {
                audit.record(tx, now, REDACTED, r.value1(), Channel.valueOf(r.value2()), actor, null, null);
            }
        }
        boolean removed = tx.deleteFrom(CUSTOMER).where(CUSTOMER.PHONE.eq(phone)).execute() == 1;
        return new RedactedBookings(ids, removed);
    }

    /** The snapshot without the person's keys, marked as redacted; NULL stays NULL. */
    private static Field<JSONB> withoutPerson(Field<JSONB> snapshot) {
        return DSL.field("CASE WHEN {0} IS NULL THEN NULL ELSE ({0} - {1}::text[]) || '{\"redacted\": true}'::jsonb END",
                JSONB.class, snapshot, DSL.val(PERSONAL_KEYS));
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
