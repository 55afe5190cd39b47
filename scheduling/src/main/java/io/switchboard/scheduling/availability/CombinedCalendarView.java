package io.switchboard.scheduling.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Booked jobs plus time that is busy elsewhere (the owner's own calendar): availability must not offer across
 * either. Only bookings count towards the per-day cap.
 */
public final class CombinedCalendarView implements CalendarView {

    private final CalendarView bookings;
    private final BusyElsewhere elsewhere;

    public CombinedCalendarView(CalendarView bookings, BusyElsewhere elsewhere) {
        this.bookings = bookings;
        this.elsewhere = elsewhere;
    }

    @Override
    public List<BusyTime> busyBetween(Instant from, Instant to) {
        List<BusyTime> busy = new ArrayList<>(bookings.busyBetween(from, to));
        busy.addAll(elsewhere.busyBetween(from, to));
        return busy;
    }

    @Override
    public Map<LocalDate, Integer> bookingsPerDay(LocalDate first, LocalDate last) {
        return bookings.bookingsPerDay(first, last);
    }

    /** Busy time that is not a booking. */
    @FunctionalInterface
    public interface BusyElsewhere {
        /** Busy stretches touching {@code [from, to)}. */
        List<BusyTime> busyBetween(Instant from, Instant to);
    }
}
