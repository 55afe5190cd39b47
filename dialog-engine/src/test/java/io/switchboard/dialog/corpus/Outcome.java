package io.switchboard.dialog.corpus;

/** How a dialog ended, judged against the database. Listed from worst to best for the report's precedence. */
enum Outcome {
    /** Something was booked, moved or cancelled that the caller did not want. */
    WRONG_BOOKING,
    /** The bot repeated itself (same reply twice in a row, the same question more than three times, no progress). */
    LOOP,
    /** Handed to a person where the script did not expect it. */
    HANDED_OFF,
    /** Nothing (right) was stored: the caller gave up, the turn limit was hit, or the flow ended without it. */
    STUCK,
    /** The stored booking is exactly what the caller wanted. */
    BOOKED_RIGHT
}
