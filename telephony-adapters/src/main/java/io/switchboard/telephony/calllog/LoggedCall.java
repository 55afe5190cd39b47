package io.switchboard.telephony.calllog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One answered voice call as the owner's call log keeps it. {@link #toString()} leaves the number and the words out so
 * the record can be logged.
 *
 * @param callSid       the carrier's call id
 * @param callerPhone   the caller's number, or null when withheld
 * @param outcome       how the call ended for the business
 * @param appointmentId the appointment the outcome concerns, or null
 * @param summary       the one-line summary for the owner, or null when the outcome has none
 * @param turns         in order; empty in listings, which leave them out
 * @param turnCount     how many turns the call had (also in listings)
 * @param channel       where the conversation happened: {@code VOICE} for calls; text conversations are logged too
 */
public record LoggedCall(String callSid, String callerPhone, Instant startedAt, Instant endedAt, CallOutcome outcome,
                         UUID appointmentId, String summary, List<LoggedTurn> turns, int turnCount,
                         io.switchboard.models.Channel channel) {

    /** A voice call. */
    public LoggedCall(String callSid, String callerPhone, Instant startedAt, Instant endedAt, CallOutcome outcome,
                      UUID appointmentId, String summary, List<LoggedTurn> turns, int turnCount) {
        this(callSid, callerPhone, startedAt, endedAt, outcome, appointmentId, summary, turns, turnCount,
                io.switchboard.models.Channel.VOICE);
    }

    public LoggedCall {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        turns = List.copyOf(turns);
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("a call cannot end before it starts");
        }
    }

    /** A full record: its turns are all there. */
    public static LoggedCall of(String callSid, String callerPhone, Instant startedAt, Instant endedAt,
                                CallOutcome outcome, UUID appointmentId, String summary, List<LoggedTurn> turns) {
        return new LoggedCall(callSid, callerPhone, startedAt, endedAt, outcome, appointmentId, summary, turns,
                turns.size());
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }

    @Override
    public String toString() {
        return "LoggedCall[" + outcome.wireName() + ", " + turnCount + " turns]";
    }
}
