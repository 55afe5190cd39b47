package io.switchboard.scheduling.identity;

/**
 * What a one-time code proves a number for. A code is redeemed only for the purpose it was sent for: an unlock code
 * texted to the owner never verifies a booking change, and the reverse.
 */
public enum CodePurpose {
    /** See, move or cancel the bookings made under the number. */
    CHANGE_BOOKING,
    /** The callback number a web visitor gave for a new booking is theirs. */
    CALLBACK_NUMBER,
    /** The owner lifts a PIN lockout from their own phone (the PIN is still asked afterwards). */
    OWNER_UNLOCK
}
