package io.switchboard.scheduling.calendar.calcom;

import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static io.switchboard.scheduling.db.Tables.CALCOM_BOOKING;

/** Which Cal.com booking (uid) stands for which appointment. */
public final class CalcomBookings {

    private final DSLContext dsl;

    public CalcomBookings(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores or replaces the uid of {@code appointmentId}, in the caller's transaction. */
    public void put(DSLContext tx, UUID appointmentId, String uid, Instant now) {
        tx.insertInto(CALCOM_BOOKING)
                .set(CALCOM_BOOKING.APPOINTMENT_ID, appointmentId)
                .set(CALCOM_BOOKING.UID, uid)
                .set(CALCOM_BOOKING.UPDATED_AT, now.atOffset(java.time.ZoneOffset.UTC))
                .onConflict(CALCOM_BOOKING.APPOINTMENT_ID)
                .doUpdate()
                .set(CALCOM_BOOKING.UID, uid)
                .set(CALCOM_BOOKING.UPDATED_AT, now.atOffset(java.time.ZoneOffset.UTC))
                .execute();
    }

    public void put(UUID appointmentId, String uid, Instant now) {
        put(dsl, appointmentId, uid, now);
    }

    public Optional<String> uidOf(UUID appointmentId) {
        return dsl.select(CALCOM_BOOKING.UID).from(CALCOM_BOOKING)
                .where(CALCOM_BOOKING.APPOINTMENT_ID.eq(appointmentId)).fetchOptional(CALCOM_BOOKING.UID);
    }

    public Optional<UUID> appointmentOf(String uid) {
        return dsl.select(CALCOM_BOOKING.APPOINTMENT_ID).from(CALCOM_BOOKING)
                .where(CALCOM_BOOKING.UID.eq(uid)).fetchOptional(CALCOM_BOOKING.APPOINTMENT_ID);
    }
}
