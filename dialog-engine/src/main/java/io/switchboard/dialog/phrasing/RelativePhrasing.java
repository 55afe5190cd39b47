package io.switchboard.dialog.phrasing;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/** What both channels phrase alike: "today" and "tomorrow" before any date, and a lead sentence before an offer. */
abstract class RelativePhrasing implements Phrasing {

    @Override
    public final String day(LocalDate d, LocalDate today) {
        if (d.equals(today)) {
            return "today";
        }
        if (d.equals(today.plusDays(1))) {
            return "tomorrow";
        }
        return laterDay(d, today);
    }

    @Override
    public String when(ZonedDateTime t, LocalDate today) {
        return day(t.toLocalDate(), today) + timeJoiner() + time(t.toLocalTime());
    }

    /** A day after tomorrow, in the channel's style. */
    abstract String laterDay(LocalDate d, LocalDate today);

    /** What goes between a day and a time ("tomorrow at 10 a m", "Tue 24 Nov 10:00"). */
    abstract String timeJoiner();

    static String prefix(String lead) {
        return lead == null || lead.isBlank() ? "" : lead + " ";
    }
}
