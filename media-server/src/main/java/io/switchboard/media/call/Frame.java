package io.switchboard.media.call;

import io.switchboard.dialog.understanding.Expectation;

/**
 * What flows through a call's {@link Pipeline}. Audio frames ({@link MuLawFrame}, {@link AudioFrame}) are mutable and
 * reused, so 20 ms of caller audio allocates nothing; {@link Signal}s are constants; the rest are small records made
 * once per utterance, key press or turn.
 */
sealed interface Frame permits MuLawFrame, AudioFrame, Frame.Signal, Frame.Dtmf, Frame.Partial, Frame.Transcript,
        Frame.Utterance, Frame.Speculate, Frame.Keyed, Frame.Silence, Frame.Expect, Frame.Interrupt, Frame.Replied,
        ReplyFrame {

    /** Frames that carry no data. */
    enum Signal implements Frame {
        /** Downstream, from VAD: the caller started speaking (sent before the frame that started it). */
        SPEECH_STARTED,
        /** Downstream, from VAD: the hangover ran out (sent after the frame that ended it). */
        SPEECH_STOPPED,
        /** Upstream, from turn-taking to STT: emit a {@link Partial} of the current turn. */
        READ_PARTIAL,
        /**
         * Upstream, from turn-taking to STT, at a pause: emit the turn's reading as it would be if the caller said no
         * more, as a settled {@link Partial} (an unsettled one when the engine cannot settle).
         */
        SETTLE_TURN,
        /** Upstream, from turn-taking to STT: the caller talked again after a settled pause; the turn goes on. */
        RESUME_TURN,
        /** Upstream, from turn-taking to STT: finish the current turn and emit its {@link Transcript}. */
        FINISH_TURN,
        /** Upstream, from turn-taking to STT: drop the current turn's audio unheard. */
        DROP_TURN,
        /** Downstream, from turn-taking: the caller went on after a {@link Speculate}; its reply must be dropped. */
        SPECULATION_VOID,
        /** Downstream, from the call: time passed (stages with timers read the clock). */
        TICK,
        /** To the call, from shutdown: finish the reply in progress, say goodbye, hang up. */
        CLOSE
    }

    /** A key press from the network thread; {@code cutReply} once barge-in has cut the reply for it. */
    record Dtmf(char digit, long atNanos, boolean cutReply) implements Frame {
        Dtmf cutting(boolean cut) {
            return cut == cutReply ? this : new Dtmf(digit, atNanos, cut);
        }
    }

    /**
     * STT's best guess at the current turn so far; {@code settled} when it is the turn's whole reading at a pause
     * ({@link Signal#SETTLE_TURN}), which is its transcript if the caller says no more.
     */
    record Partial(String text, boolean settled) implements Frame {
        Partial(String text) {
            this(text, false);
        }
    }

    /**
     * STT finished a turn: its text (lower case, may be empty), when the recogniser returned it, and the recogniser's
     * other hypotheses of it, best first (empty when it has none).
     */
    record Transcript(String text, long finalNanos, java.util.List<String> alternatives) implements Frame {
        Transcript(String text, long finalNanos) {
            this(text, finalNanos, java.util.List.of());
        }
    }

    /**
     * A caller's turn, ready for the dialog: what they said; when the frame that ended it arrived; when the transcript
     * was ready; whether it ended early (the answer was complete before the hangover); how long the caller had been
     * quiet (stream time) when it ended; whether they talked over the end of the previous reply.
     */
    record Utterance(String text, long endOfSpeechNanos, long sttFinalNanos, boolean early, int silenceMillis,
                     boolean replyCut, java.util.List<String> alternatives) implements Frame {
        Utterance(String text, long endOfSpeechNanos, long sttFinalNanos, boolean early, int silenceMillis,
                  boolean replyCut) {
            this(text, endOfSpeechNanos, sttFinalNanos, early, silenceMillis, replyCut, java.util.List.of());
        }

        Utterance cutting(boolean cut) {
            return new Utterance(text, endOfSpeechNanos, sttFinalNanos, early, silenceMillis, cut, alternatives);
        }
    }

    /**
     * Downstream, from turn-taking: the caller paused briefly after {@code text} (the recognition so far); the reply
     * may be prepared now, held, and sent the moment the turn is decided over, if the final words are the same.
     */
    record Speculate(String text, long atNanos) implements Frame {
    }

    /** Keypad entry finished ({@code #} or a pause); {@code replyCut} when its first key cut the reply short. */
    record Keyed(String digits, long atNanos, boolean replyCut) implements Frame {
    }

    /** The caller has been silent too long: re-prompt, or give up. */
    record Silence(boolean giveUp, long atNanos) implements Frame {
    }

    /** Downstream, from the call: what the dialog's last reply asked for (the turn result's expectation). */
    record Expect(Expectation expectation) implements Frame {
    }

    /** Barge-in cut reply {@code reply} after {@code heard} of its {@code sentences} sentences were played. */
    record Interrupt(int reply, int heard, int sentences) implements Frame {
    }

    /**
     * To the call, from the speaking thread: a turn was answered and its reply spoken (or cut); what the reply asked
     * for, and whether the conversation is over.
     */
    record Replied(Expectation expecting, boolean ending) implements Frame {
    }
}
