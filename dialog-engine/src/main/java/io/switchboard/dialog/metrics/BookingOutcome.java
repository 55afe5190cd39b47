package io.switchboard.dialog.metrics;

import java.util.Locale;

/** The result of one attempt to book, as counted in {@code switchboard_bookings_total}. */
public enum BookingOutcome {
    BOOKED,
    /** Someone else took the slot between the offer and the yes. */
    SLOT_TAKEN,
    /** A booking rule refused it (too soon, outside hours, day full...). */
    RULE_REFUSED,
    /** The backend failed (database down): nothing is known to be stored. */
    ERROR;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
