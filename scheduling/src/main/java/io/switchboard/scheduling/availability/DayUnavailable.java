package io.switchboard.scheduling.availability;

/** Why no job can be booked on a day whatever the calendar holds: said to the caller with the nearest options. */
public enum DayUnavailable {
    /** The business does not open on that weekday. */
    CLOSED,
    /** A day off the business set (a holiday). */
    DAY_OFF,
    /** Further ahead than the booking horizon. */
    BEYOND_HORIZON
}
