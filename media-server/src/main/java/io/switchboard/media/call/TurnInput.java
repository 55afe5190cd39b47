package io.switchboard.media.call;

/** Work for a call's speaking thread, queued by the listening thread. */
sealed interface TurnInput {

    /** When the input was complete (see {@link TurnLatency#endOfSpeechNanos()}). */
    long readyNanos();

    /** The stream started: greet. */
    record Greeting(long readyNanos) implements TurnInput {
    }

    /**
     * The caller said {@code text}; {@code silenceMillis} of quiet (stream time) had passed after the last voiced
     * frame when the turn was ended.
     */
    record Spoken(String text, long readyNanos, long sttFinalNanos, boolean early, int silenceMillis)
            implements TurnInput {
    }

    /** The caller keyed {@code digits}. */
    record Keyed(String digits, long readyNanos) implements TurnInput {
    }

    /** The caller has been silent: re-prompt, or give up and hang up. */
    record Silence(boolean giveUp, long readyNanos) implements TurnInput {
    }
}
