package io.switchboard.scheduling.calendar;

import org.jooq.DSLContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.switchboard.scheduling.db.Tables.CALENDAR_FLAG;

/**
 * Flags raised to the owner about a booking because of their calendar ({@code calendar_flag}). Raising is an
 * insert that does nothing when the same flag exists, so the owner is told once however many pulls, resyncs or
 * instances see the same thing.
 */
public final class CalendarFlags {

    /** A busy event of the owner's overlaps the booking. */
    public static final String OVERLAP = "OVERLAP";
    /** The owner moved the booking's event to a time the booking cannot take. */
    public static final String MOVE_REFUSED = "MOVE_REFUSED";
    private static final int SUBJECT_CHARS = 1200;

    private CalendarFlags() {
    }

    /**
     * @param subject what the flag is about (an event and its start), so another event raises another flag
     * @return true when the flag is new: tell the owner
     */
    public static boolean raise(DSLContext tx, UUID appointmentId, String kind, String subject, Instant at) {
        String s = subject.length() > SUBJECT_CHARS ? subject.substring(0, SUBJECT_CHARS) : subject;
        return tx.insertInto(CALENDAR_FLAG)
                .set(CALENDAR_FLAG.APPOINTMENT_ID, appointmentId)
                .set(CALENDAR_FLAG.KIND, kind)
                .set(CALENDAR_FLAG.SUBJECT, s)
                .set(CALENDAR_FLAG.FLAGGED_AT, at.atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute() == 1;
    }
}
