package io.switchboard.scheduling.calendar;

import io.switchboard.scheduling.availability.BusyTime;
import io.switchboard.scheduling.availability.CombinedCalendarView;
import org.jooq.DSLContext;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.switchboard.scheduling.db.Tables.CALENDAR_BUSY;

/**
 * The owner's busy time imported from their external calendar ({@code calendar_busy}): read by availability,
 * written by the calendar pull inside its sync transaction.
 */
public final class ImportedBusyTime implements CombinedCalendarView.BusyElsewhere {

    private final DSLContext dsl;
    private final Duration around;

    public ImportedBusyTime(DSLContext dsl) {
        this(dsl, Duration.ZERO);
    }

    /**
     * @param around kept free before and after each imported stretch ({@code booking.buffer_around_calendar_events}):
     *               the owner gets from the dentist to the next job
     */
    public ImportedBusyTime(DSLContext dsl, Duration around) {
        this.dsl = dsl;
        this.around = around;
    }

    @Override
    public List<BusyTime> busyBetween(Instant from, Instant to) {
        return dsl.select(CALENDAR_BUSY.STARTS_AT, CALENDAR_BUSY.ENDS_AT)
                .from(CALENDAR_BUSY)
                .where(CALENDAR_BUSY.STARTS_AT.lt(to.plus(around).atOffset(ZoneOffset.UTC)))
                .and(CALENDAR_BUSY.ENDS_AT.gt(from.minus(around).atOffset(ZoneOffset.UTC)))
                .fetch(r -> new BusyTime(r.value1().toInstant().minus(around), r.value2().toInstant().plus(around)));
    }

    /** Replaces what one event of one calendar blocks (nothing, when {@code blocks} is empty). */
    public static void replace(DSLContext tx, String calendarId, String eventId, List<Block> blocks) {
        tx.deleteFrom(CALENDAR_BUSY)
                .where(CALENDAR_BUSY.CALENDAR_ID.eq(calendarId))
                .and(CALENDAR_BUSY.EVENT_ID.eq(eventId))
                .execute();
        for (Block b : blocks) {
            tx.insertInto(CALENDAR_BUSY)
                    .set(CALENDAR_BUSY.CALENDAR_ID, calendarId)
                    .set(CALENDAR_BUSY.EVENT_ID, eventId)
                    .set(CALENDAR_BUSY.STARTS_AT, b.start().atOffset(ZoneOffset.UTC))
                    .set(CALENDAR_BUSY.ENDS_AT, b.end().atOffset(ZoneOffset.UTC))
                    .set(CALENDAR_BUSY.ALL_DAY, b.allDay())
                    .onConflictDoNothing()
                    .execute();
        }
    }

    /** Forgets everything imported from a calendar (before a full resync). */
    public static void clear(DSLContext tx, String calendarId) {
        tx.deleteFrom(CALENDAR_BUSY).where(CALENDAR_BUSY.CALENDAR_ID.eq(calendarId)).execute();
    }

    /** A busy stretch {@code [start, end)}. */
    public record Block(Instant start, Instant end, boolean allDay) {
        public Block {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("a busy block must end after it starts");
            }
        }
    }
}
