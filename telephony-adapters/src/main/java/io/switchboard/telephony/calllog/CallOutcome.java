package io.switchboard.telephony.calllog;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Intent;
import java.util.Locale;

/**
 * How a call ended for the owner, read from the dialog's turn results. Declared strongest first: a call that booked
 * and then asked a question was a booking; one that did nothing the dialog recognised was abandoned.
 */
public enum CallOutcome {
    /** A new appointment was booked. */
    BOOKED,
    /** An existing appointment was moved. */
    MOVED,
    /** An appointment was cancelled. */
    CANCELLED,
    /** The caller was handed to a person (asked for one, or the receptionist could not understand them). */
    HAND_OFF,
    /** The owner was alerted with the caller's details (an emergency the dialog passed on). */
    MESSAGE_LEFT,
    /** The caller asked about the business and was answered. */
    QUESTION,
    /** The caller hung up, or the call ended, with none of the above. */
    ABANDONED;

    /** The name stored and shown by the API ({@code message_left}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CallOutcome fromWireName(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** What one turn achieved on its own; {@link #ABANDONED} when nothing. */
    public static CallOutcome of(TurnResult result) {
        if (result == null) {
            return ABANDONED;
        }
        CallOutcome best = ABANDONED;
        for (DialogAction action : result.actions()) {
            best = stronger(best, switch (action) {
                case DialogAction.Booked b -> BOOKED;
                case DialogAction.Rescheduled r -> MOVED;
                case DialogAction.Cancelled c -> CANCELLED;
                case DialogAction.HandOff h -> HAND_OFF;
                case DialogAction.OwnerNotified n -> MESSAGE_LEFT;
                // Flags, the end of the conversation and any action added later say nothing about the outcome.
                default -> ABANDONED;
            });
        }
        if (result.state() == DialogState.HANDED_OFF) {
            best = stronger(best, HAND_OFF);
        }
        if (result.intent() == Intent.QUESTION) {
            best = stronger(best, QUESTION);
        }
        return best;
    }

    /** The more significant of the two. */
    public static CallOutcome stronger(CallOutcome a, CallOutcome b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
