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
     * frame when the turn was ended; {@code replyCut} when they talked over the end of the previous reply;
     * {@code alternatives} the recogniser's other hypotheses, best first.
     */
    record Spoken(String text, long readyNanos, long sttFinalNanos, boolean early, int silenceMillis,
                  boolean replyCut, java.util.List<String> alternatives) implements TurnInput {

        Spoken(String text, long readyNanos, long sttFinalNanos, boolean early, int silenceMillis, boolean replyCut) {
            this(text, readyNanos, sttFinalNanos, early, silenceMillis, replyCut, java.util.List.of());
        }
    }

    /** The caller keyed {@code digits}; {@code replyCut} when the first key cut the previous reply short. */
    record Keyed(String digits, long readyNanos, boolean replyCut) implements TurnInput {
    }

    /** The server is shutting down: say goodbye (after the reply in progress) and hang up. */
    record Closing(long readyNanos) implements TurnInput {
    }

    /** The caller has been silent: re-prompt, or give up and hang up. */
    record Silence(boolean giveUp, long readyNanos) implements TurnInput {
    }
}
