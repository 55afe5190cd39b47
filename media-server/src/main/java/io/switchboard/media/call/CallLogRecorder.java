package io.switchboard.media.call;

import io.switchboard.dialog.TurnResult;
import io.switchboard.telephony.calllog.CallLogWriter;
import io.switchboard.telephony.calllog.CallSummary;
import io.switchboard.telephony.calllog.CallTranscript;
import io.switchboard.telephony.calllog.LoggedCall;
import io.switchboard.telephony.calllog.LoggedTurn;
import io.switchboard.telephony.calllog.OwnerCallSummaries;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the owner's call log: follows each answered call's turns in memory and, when it ends, hands the whole call to
 * the {@link CallLogWriter} (which stores it on its own thread) and texts the owner its summary when that is on.
 * Nothing here touches the database or waits, so a call's speaking thread never stalls on the log.
 */
public final class CallLogRecorder implements CallLogListener {

    /** Its own logger, so transcripts can be routed or silenced apart from the rest. */
    private static final Logger TRANSCRIPTS = LoggerFactory.getLogger("io.switchboard.transcripts");

    private final CallLogWriter writer;
    private final Clock clock;
    private final CallSummary summaries;
    private final Optional<OwnerCallSummaries> owner;
    private final boolean logTranscripts;

    /**
     * @param owner          texts the owner each call's summary, or empty when the summary SMS is off
     * @param logTranscripts whether what callers said is also logged (personal data: for debugging only)
     */
    public CallLogRecorder(CallLogWriter writer, Clock clock, CallSummary summaries,
                           Optional<OwnerCallSummaries> owner, boolean logTranscripts) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.summaries = Objects.requireNonNull(summaries, "summaries");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.logTranscripts = logTranscripts;
    }

    @Override
    public CallTrace callStarted(String callSid, String from) {
        return new Trace(new CallTranscript(callSid, from, clock.instant()), CallIds.mask(callSid));
    }

    /** One call's log; used only on its speaking thread. */
    private final class Trace implements CallTrace {
        private final CallTranscript transcript;
        private final String maskedId;
        private boolean ended;

        Trace(CallTranscript transcript, String maskedId) {
            this.transcript = transcript;
            this.maskedId = maskedId;
        }

        @Override
        public void onTurn(CallTurn turn) {
            if (ended) {
                return;
            }
            TurnLatency t = turn.latency();
            TurnResult r = turn.result();
            transcript.add(new LoggedTurn(t.turn(), t.trigger().name().toLowerCase(Locale.ROOT), turn.heard(),
                    turn.confidence(), turn.said(),
                    r == null || r.intent() == null ? null : r.intent().wireName(),
                    r == null || r.state() == null ? null : r.state().wireName(), clock.instant(),
                    speech(t) ? t.silenceMillis() : null, LoggedTurn.millis(t.sttMillis()),
                    LoggedTurn.millis(t.dialogMillis()), LoggedTurn.millis(t.ttsMillis()),
                    LoggedTurn.millis(t.totalMillis()), t.interrupted()), r);
            if (logTranscripts && turn.heard() != null) {
                TRANSCRIPTS.info("call {} turn {} heard \"{}\"", maskedId, t.turn(), turn.heard());
            }
        }

        @Override
        public void onEnd() {
            if (ended) {
                return;
            }
            ended = true;
            LoggedCall call = transcript.finish(clock.instant(), summaries);
            writer.submit(call);
            owner.ifPresent(o -> o.send(call));
        }

        private static boolean speech(TurnLatency t) {
            return t.trigger() == TurnTrigger.SPEECH || t.trigger() == TurnTrigger.EARLY_SPEECH;
        }
    }
}
