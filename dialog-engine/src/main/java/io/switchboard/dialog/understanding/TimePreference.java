package io.switchboard.dialog.understanding;

import io.switchboard.models.PartOfDay;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a caller would like the job done, as far as they said. Every part is optional; local date and time are in
 * the business's time zone.
 *
 * @param date        the day ({@code null} when no day was named)
 * @param time        an exact start time ("at three thirty"); {@code null} when none
 * @param partOfDay   a loose window ("afternoon", "Fri am"); {@code null} when none
 * @param notBefore   the earliest acceptable start ("after two", "between 2 and 4"); {@code null} when none
 * @param notAfter    the latest acceptable start ("before eleven", "by 4"); {@code null} when none
 * @param asap        "as soon as possible", "earliest you have", "first available"
 * @param approximate the time was hedged ("around noon", "9ish", "about 3")
 * @param lastDate    when a stretch of days was named ("next week", "this weekend", "end of the month"), its last
 *                    day, inclusive, with {@code date} its first; {@code null} for a single day or no day
 */
public record TimePreference(LocalDate date, LocalTime time, PartOfDay partOfDay, LocalTime notBefore,
                             LocalTime notAfter, boolean asap, boolean approximate, LocalDate lastDate) {

    public TimePreference {
        if (lastDate != null && (date == null || !lastDate.isAfter(date))) {
            // A one-day "range" is just that day; a range needs its first day.
            lastDate = null;
        }
    }

    /** A preference for one day (or none). */
    public TimePreference(LocalDate date, LocalTime time, PartOfDay partOfDay, LocalTime notBefore,
                          LocalTime notAfter, boolean asap, boolean approximate) {
        this(date, time, partOfDay, notBefore, notAfter, asap, approximate, null);
    }

    public static TimePreference asSoonAsPossible() {
        return new TimePreference(null, null, null, null, null, true, false);
    }

    /** True when nothing at all was said about the time. */
    public boolean isEmpty() {
        return date == null && time == null && partOfDay == null && notBefore == null && notAfter == null && !asap;
    }

    /** The same wish on one day: a range of days collapses to {@code newDate}. */
    public TimePreference withDate(LocalDate newDate) {
        return new TimePreference(newDate, time, partOfDay, notBefore, notAfter, asap, approximate, null);
    }

    /** Whether a stretch of days rather than one day was named. */
    public boolean isDateRange() {
        return lastDate != null;
    }

    /** The exact wanted start, when both a day and a time were given; DST gaps move forward as {@link ZonedDateTime#of} does. */
    public Optional<ZonedDateTime> startIn(ZoneId zone) {
        return date == null || time == null ? Optional.empty() : Optional.of(ZonedDateTime.of(date, time, zone));
    }
}
