package io.switchboard.scheduling.booking;

/** Why a booking, reschedule or cancellation was refused; nothing is stored when one is returned. */
public enum BookingError {
    UNKNOWN_SERVICE,
    INVALID_PHONE,
    MISSING_FIELD,
    IN_THE_PAST,
    TOO_SOON,
    BEYOND_HORIZON,
    BLACKOUT,
    OUTSIDE_HOURS,
    DAY_FULL,
    NOT_FOUND,
    ALREADY_CANCELLED,
    /** The idempotency key was used before for a different request. */
    IDEMPOTENCY_CONFLICT
}
