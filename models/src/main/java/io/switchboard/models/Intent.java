package io.switchboard.models;

import java.util.Locale;

/** What a caller wants from the conversation as a whole, or what a single turn says. */
public enum Intent {
    /** Book a new appointment. */
    BOOK,
    /** Move an existing appointment. */
    RESCHEDULE,
    /** Cancel an existing appointment. */
    CANCEL,
    /** A general question answered from the business profile (hours, services, prices, area). */
    QUESTION,
    /** Something urgent: burst pipe, flooding, sewage... */
    EMERGENCY,
    /** The owner asking about their own schedule. */
    OWNER_BRIEFING,
    /** The caller wants to talk to a person. */
    HUMAN,
    /** A yes to the last question. */
    AFFIRM,
    /** A no to the last question. */
    DENY,
    GREETING,
    GOODBYE,
    /** Nothing recognised. */
    UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for intents that open a topic of their own rather than answering a question. */
    public boolean isTopic() {
        return switch (this) {
            case BOOK, RESCHEDULE, CANCEL, QUESTION, EMERGENCY, OWNER_BRIEFING, HUMAN -> true;
            default -> false;
        };
    }
}
