package io.switchboard.dialog.metrics;

import java.util.Locale;

/** What failed, as the {@code kind} of {@code switchboard_dependency_errors_total}. */
public enum DependencyKind {
    /** PostgreSQL: a booking or query threw. */
    DATABASE,
    /** Redis (or the in-process store) could not load or save a conversation. */
    SESSION_STORE,
    /** The LLM fallback failed or timed out. */
    LLM,
    /** The speech recogniser failed during a call. */
    SPEECH_RECOGNITION,
    /** A reply sentence could not be synthesised. */
    SPEECH_SYNTHESIS,
    /** The SMS or WhatsApp provider failed a send after every retry. */
    MESSAGING_PROVIDER,
    /** The dialog engine threw on a turn (any cause not counted above). */
    DIALOG;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
