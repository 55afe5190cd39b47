package io.switchboard.bench.load;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gives every simulated caller its own free slot, so a level measures capacity rather than callers racing for the
 * same slot: each caller asks for a day and an hour ("wednesday at two") that no other caller of the run asks for and
 * that the calendar had free when the run began. A slot is handed out once per run, never twice.
 *
 * <p>Days are said as the dialog and the small recogniser understand them: "tomorrow", then weekday names for the
 * rest of the coming week, then weekday and date ("tuesday the first"); never "today". Hours are said as people
 * do ("at two o'clock" is 14:00 to the receptionist: hours 1–7 are afternoon, 8–11 morning). Slots are an hour's job
 * plus the business's buffer apart (8:00, 9:30, 11:00 …), clear of existing bookings and their buffers.
 */
final class SlotPlan {

    /** The booked service (a general repair) takes an hour. */
    static final int SERVICE_MINUTES = 60;
    /** The business keeps this long free after each job (travel and clean-up): slots are spaced by job + buffer. */
    static final int BUFFER_MINUTES = 30;
    private static final String[] HOUR_WORDS = {"", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve"};
    private static final String[] ORDINALS = {"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
            "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second", "twenty third",
            "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh", "twenty eighth", "twenty ninth",
            "thirtieth", "thirty first"};
    /** Days ahead planned: the coming week by weekday name, the one after by weekday and date ("tuesday the first"). */
    static final int DAYS = 13;

    /**
     * One caller's slot.
     *
     * @param day   as said ("tomorrow", "wednesday")
     * @param start when it starts, business local time
     */
    record Slot(String day, LocalDateTime start) {
        /** What the caller says when asked when: "wednesday at two o'clock", "friday at nine thirty". */
        String spoken() {
            int h = start.getHour() % 12 == 0 ? 12 : start.getHour() % 12;
            return day + " at " + HOUR_WORDS[h] + (start.getMinute() == 30 ? " thirty" : " o'clock");
        }
    }

    private final List<Slot> free;
    private int next;

    private SlotPlan(List<Slot> free) {
        this.free = free;
    }

    /**
     * The free slots of the two weeks after {@code today}, in hand-out order (day by day, hours by preference), no
     * day given more than the business still takes on it: a caller planned into a full day would be refused at the
     * read-back's yes ("no more bookings that day"), which measures the plan, not the server.
     *
     * @param hours     opening hours per day, e.g. {@code monday → ["08:00-18:00"]}; days missing are closed
     * @param maxPerDay the most jobs the business takes on one day
     * @param calendar  what is booked already
     * @param zone      the business's time zone
     */
    static SlotPlan of(LocalDate today, Map<DayOfWeek, List<String>> hours, int maxPerDay,
                       List<BookedAppointment> calendar, ZoneId zone) {
        Set<LocalDateTime> taken = new HashSet<>();
        List<Slot> free = new ArrayList<>();
        for (int d = 1; d <= DAYS; d++) {
            LocalDate date = today.plusDays(d);
            String weekday = date.getDayOfWeek().name().toLowerCase(Locale.ROOT);
            String day = d == 1 ? "tomorrow" : d <= 7 ? weekday : weekday + " the " + ORDINALS[date.getDayOfMonth()];
            List<String> open = hours.getOrDefault(date.getDayOfWeek(), List.of());
            long places = maxPerDay - bookedOn(calendar, date, zone);
            // From opening, one job plus its buffer apart: callers of a level never block each other's slot.
            for (LocalDateTime start = date.atStartOfDay(); start.toLocalDate().equals(date) && places > 0;
                 start = start.plusMinutes(30)) {
                if (open(open, start.toLocalTime()) && !booked(calendar, start, zone) && spaced(taken, start)) {
                    taken.add(start);
                    free.add(new Slot(day, start));
                    places--;
                }
            }
        }
        return new SlotPlan(free);
    }

    /** Slots not handed out yet. */
    synchronized int left() {
        return free.size() - next;
    }

    /**
     * The next free slot, never handed out before.
     *
     * @throws IllegalStateException when the week is full (start the server on a fresh data directory)
     */
    synchronized Slot take() {
        if (next >= free.size()) {
            throw new IllegalStateException("no free slot left in the next two weeks for another caller (" + free.size()
                    + " handed out): run on a fresh data directory or fewer callers");
        }
        return free.get(next++);
    }

    private static boolean open(List<String> intervals, LocalTime start) {
        LocalTime end = start.plusMinutes(SERVICE_MINUTES);
        for (String interval : intervals) {
            String[] parts = interval.split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("opening hours must look like 08:00-18:00, was " + interval);
            }
            LocalTime from = LocalTime.parse(parts[0].trim());
            LocalTime to = LocalTime.parse(parts[1].trim());
            if (!start.isBefore(from) && !end.isAfter(to) && end.isAfter(start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean spaced(Set<LocalDateTime> taken, LocalDateTime start) {
        for (LocalDateTime other : taken) {
            if (Math.abs(java.time.Duration.between(other, start).toMinutes()) < SERVICE_MINUTES + BUFFER_MINUTES) {
                return false;
            }
        }
        return true;
    }

    private static long bookedOn(List<BookedAppointment> calendar, LocalDate date, ZoneId zone) {
        return calendar.stream().filter(BookedAppointment::holdsSlot)
                .filter(a -> a.start().atZoneSameInstant(zone).toLocalDate().equals(date)).count();
    }

    /** Whether a booking (with its buffer either side) leaves no room for a job at {@code start}. */
    private static boolean booked(List<BookedAppointment> calendar, LocalDateTime slotStart, ZoneId zone) {
        LocalDateTime start = slotStart.minusMinutes(BUFFER_MINUTES);
        LocalDateTime end = slotStart.plusMinutes(SERVICE_MINUTES + BUFFER_MINUTES);
        for (BookedAppointment a : calendar) {
            if (!a.holdsSlot()) {
                continue;
            }
            LocalDateTime from = a.start().atZoneSameInstant(zone).toLocalDateTime();
            LocalDateTime to = a.end().atZoneSameInstant(zone).toLocalDateTime();
            if (from.isBefore(end) && start.isBefore(to)) {
                return true;
            }
        }
        return false;
    }
}
