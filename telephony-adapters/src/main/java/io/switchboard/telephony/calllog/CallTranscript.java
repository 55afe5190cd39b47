package io.switchboard.telephony.calllog;

import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Appointment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One call's log while it is going on: its turns so far and the most significant outcome reached. Confined to the
 * call's speaking thread (turns and the end arrive there in order); {@link #finish} hands the result over.
 */
public final class CallTranscript {

    private final String callSid;
    private final String callerPhone;
    private final Instant startedAt;
    private final List<LoggedTurn> turns = new ArrayList<>();
    private CallOutcome outcome = CallOutcome.ABANDONED;
    /** The turn that set {@link #outcome}; the summary is written from it. */
    private TurnResult decisive;

    public CallTranscript(String callSid, String callerPhone, Instant startedAt) {
        this.callSid = Objects.requireNonNull(callSid, "callSid");
        this.callerPhone = callerPhone;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    /** @param result the dialog's answer for this turn, or null when the dialog was not asked (re-prompt) or failed */
    public void add(LoggedTurn turn, TurnResult result) {
        turns.add(turn);
        CallOutcome reached = CallOutcome.of(result);
        if (reached != CallOutcome.ABANDONED && CallOutcome.stronger(outcome, reached) == reached) {
            // Ties go to the later turn: of two bookings in one call, the summary names the last.
            outcome = reached;
            decisive = result;
        }
    }

    public CallOutcome outcome() {
        return outcome;
    }

    public String callSid() {
        return callSid;
    }

    /** The call's log, with the summary {@code summaries} writes for it. */
    public LoggedCall finish(Instant endedAt, CallSummary summaries) {
        Instant end = endedAt.isBefore(startedAt) ? startedAt : endedAt;
        Appointment appointment = decisive == null ? null : CallSummary.appointmentOf(decisive);
        String summary = summaries == null ? null
                : summaries.of(outcome, decisive, callerPhone, end).orElse(null);
        UUID appointmentId = appointment == null ? null : appointment.id();
        return LoggedCall.of(callSid, callerPhone, startedAt, end, outcome, appointmentId, summary, turns);
    }
}
