package io.switchboard.scheduling.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Read side of the calendar that availability is computed from. */
public interface CalendarView {

    /** Booked jobs whose blocked range touches {@code [from, to)}. */
    List<BusyTime> busyBetween(Instant from, Instant to);

    /** Number of booked jobs per local day in {@code [first, last]}; days without bookings may be absent. */
    Map<LocalDate, Integer> bookingsPerDay(LocalDate first, LocalDate last);
}
