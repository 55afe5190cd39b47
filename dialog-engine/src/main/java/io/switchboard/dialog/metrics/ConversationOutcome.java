package io.switchboard.dialog.metrics;

import io.switchboard.dialog.DialogState;

import java.util.Locale;
import java.util.Optional;

/** How a conversation ended, counted once per conversation: its first outcome, or abandoned. */
public enum ConversationOutcome {
    BOOKED,
    CANCELLED,
    FAILED,
    HANDED_OFF,
    /** A call that ended before any outcome (the caller hung up, or went silent). */
    ABANDONED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome a terminal state stands for; empty for states that are still under way. */
    public static Optional<ConversationOutcome> of(DialogState state) {
        return switch (state) {
            case BOOKED -> Optional.of(BOOKED);
            case CANCELLED -> Optional.of(CANCELLED);
            case FAILED -> Optional.of(FAILED);
            case HANDED_OFF -> Optional.of(HANDED_OFF);
            default -> Optional.empty();
        };
    }
}
