package io.switchboard.dialog;

import java.util.Locale;

/**
 * Where a conversation stands. The booking flow runs IDLE → COLLECTING → OFFERING → AWAITING_CONFIRMATION →
 * READY_TO_BOOK → BOOKED or FAILED; reschedule and cancel reuse the same states around the appointment they act on.
 */
public enum DialogState {
    /** Nothing under way; the next message opens a topic. */
    IDLE,
    /** Gathering what is still missing (service, day, name, address...). */
    COLLECTING,
    /** Slots have been offered and the caller is choosing. */
    OFFERING,
    /** One concrete action (a slot, a move, a cancellation) awaits the caller's explicit yes. */
    AWAITING_CONFIRMATION,
    /** The caller said yes; the backend is being asked. Never persisted between turns. */
    READY_TO_BOOK,
    /** The appointment is stored (or moved). */
    BOOKED,
    /** The appointment was cancelled at the caller's request. */
    CANCELLED,
    /** The flow could not complete (no availability, repeated misunderstanding); the caller was told why. */
    FAILED,
    /** A caller from the owner's number must give the PIN. */
    VERIFYING_OWNER,
    /** A one-time code was texted to a number and the caller is to type (or say) it back. */
    VERIFYING_PHONE,
    /** The owner is verified and may ask about the schedule. */
    OWNER_BRIEFING,
    /** The caller asked for a person and was given a way to reach one. */
    HANDED_OFF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A terminal state ends the flow: the next message starts afresh (keeping who the caller is). */
    public boolean isTerminal() {
        return this == BOOKED || this == CANCELLED || this == FAILED || this == HANDED_OFF;
    }
}
