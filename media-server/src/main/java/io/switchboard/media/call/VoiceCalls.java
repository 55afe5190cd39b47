package io.switchboard.media.call;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.stt.ListeningFor;
import io.switchboard.media.stt.SpeechRecognizer;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.media.tts.SpeechSynthesizer;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.twilio.TwimlResponses;
import io.switchboard.telephony.twilio.media.StartInfo;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voice front end of the receptionist: opens a voice loop for every media stream that starts, all sharing one
 * dialog engine, recogniser, synthesiser and prompt cache. Thread-safe.
 */
public final class VoiceCalls implements CallSessionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceCalls.class);

    private final DialogEngine engine;
    private final SpeechRecognizer recognizer;
    private final SpeechSynthesizer synthesizer;
    private final PromptCache prompts;
    private final VoiceSettings settings;
    private final List<TurnLatencyListener> latencyListeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger active = new AtomicInteger();
    private final Set<Call> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    private volatile AnswerCheck answerCheck;
    private volatile CallClock clock = CallClock.SYSTEM;
    private volatile java.util.function.Function<Expectation, ListeningFor> listening = e -> ListeningFor.ANYTHING;
    private volatile int maxCalls = CallLimits.defaultMaxCalls();
    private volatile CallOverflow overflow = CallOverflow.IGNORE;
    private volatile CallMetrics metrics = new CallMetrics(Metrics.disabled(), this);
    private volatile CallLogListener callLog = CallLogListener.NONE;
    private volatile TurnPreview preview = TurnPreview.NONE;

    /**
     * @param prompts pre-synthesised fixed sentences, e.g.
     *                {@code PromptCache.preload(synthesizer, CallPrompts.standard(businessName))}
     */
    public VoiceCalls(DialogEngine engine, SpeechRecognizer recognizer, SpeechSynthesizer synthesizer,
                      PromptCache prompts, VoiceSettings settings) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
        this.synthesizer = Objects.requireNonNull(synthesizer, "synthesizer");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Lets a caller's turn end before the full hangover once the dialog's own {@link AnswerCheck} says the words so
     * far answer what the turn result's expectation asked for. Without it every turn waits for the hangover. The
     * media side has no answer rules of its own. Returns this.
     */
    public VoiceCalls withAnswerCheck(AnswerCheck check) {
        this.answerCheck = Objects.requireNonNull(check, "check");
        return this;
    }

    /** The calls' clock ({@link CallClock#SYSTEM} unless set; tests and the fast driver inject their own). Returns this. */
    public VoiceCalls withClock(CallClock callClock) {
        this.clock = Objects.requireNonNull(callClock, "callClock");
        return this;
    }

    /**
     * Lets calls prepare replies speculatively in a caller's short pauses through {@code preview}, which must compute
     * without effect (see {@link TurnPreview}). Without it nothing is speculated. Returns this.
     */
    public VoiceCalls withTurnPreview(TurnPreview turnPreview) {
        this.preview = Objects.requireNonNull(turnPreview, "turnPreview");
        return this;
    }

    TurnPreview turnPreview() {
        return preview;
    }

    /**
     * Turn-taking of every call so far: replies to spoken turns, false cut-offs, speculative replies hit, missed and
     * discarded (also the {@code switchboard_turn_*} meters).
     */
    public TurnTakingCounts turnTaking() {
        return metrics.turnTaking();
    }

    AnswerCheck answerCheck() {
        return answerCheck;
    }

    CallClock clock() {
        return clock;
    }

    /**
     * What recognition listens for after each question (n-best choice and second passes); open listening unless set
     * (the server sets the dialog's {@code ExpectedSpeech}). Returns this.
     */
    public VoiceCalls withListening(java.util.function.Function<Expectation, ListeningFor> listening) {
        this.listening = Objects.requireNonNull(listening, "listening");
        return this;
    }

    java.util.function.Function<Expectation, ListeningFor> listening() {
        return listening;
    }

    /** At most {@code max} calls at once; more callers hear {@link CallPrompts#BUSY} and are hung up. Returns this. */
    public VoiceCalls withMaxCalls(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max calls must be at least 1, was " + max);
        }
        this.maxCalls = max;
        return this;
    }

    /** Told about each caller turned away by the cap. Returns this. */
    public VoiceCalls withOverflow(CallOverflow handler) {
        this.overflow = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** Records calls, the cap, recognition speed and speech failures into {@code registry}. Once. Returns this. */
    public VoiceCalls withMetrics(Metrics registry) {
        this.metrics = new CallMetrics(registry, this);
        return this;
    }

    /** Follows every answered call (the owner's call log). Returns this. */
    public VoiceCalls withCallLog(CallLogListener listener) {
        this.callLog = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public int maxCalls() {
        return maxCalls;
    }

    /** Adds a receiver of every turn's timing (the benchmark, tests, metrics); returns this. */
    public VoiceCalls addLatencyListener(TurnLatencyListener listener) {
        latencyListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    public void removeLatencyListener(TurnLatencyListener listener) {
        latencyListeners.remove(listener);
    }

    /** Calls whose voice loop is still running. */
    public int activeCalls() {
        return active.get();
    }

    /** Starts the call's threads and queues the greeting; the caller id comes from the stream's {@code From} parameter. */
    @Override
    public CallSession open(StartInfo start, CallOutput output) {
        long started = clock.nanoTime();
        String from = start.customParameters().get(TwimlResponses.PARAM_FROM);
        CallContext call = new CallContext(start.callSid(), from == null || from.isBlank() ? null : from);
        if (closing) {
            LOG.info("call {}: refused, shutting down", call.maskedId());
            output.hangUp();
            return NO_CALL;
        }
        if (active.incrementAndGet() > maxCalls) {
            active.decrementAndGet();
            return turnAway(call, output);
        }
        metrics.answered();
        Call[] self = new Call[1];
        Call session = new Call(call, this, output, started, trace(call), () -> {
            sessions.remove(self[0]);
            synchronized (sessions) {
                active.decrementAndGet();
                sessions.notifyAll();
            }
        });
        self[0] = session;
        sessions.add(session);
        LOG.info("call {}: media stream from {}", call.maskedId(), PiiMask.phone(from));
        session.start();
        if (closing) {
            // The shutdown began while this call was being set up: it gets its goodbye too.
            session.closeGracefully();
        }
        return session;
    }

    /** The call log's trace for this call; a failing log never stops the call being taken. */
    CallTrace trace(CallContext call) {
        try {
            CallTrace trace = callLog.callStarted(call.callSid(), call.from());
            return trace == null ? CallTrace.NONE : trace;
        } catch (RuntimeException e) {
            LOG.error("call {}: call log failed to start ({})", call.maskedId(), e.toString());
            return CallTrace.NONE;
        }
    }

    /** Over the cap: no recogniser, no threads, just the cached busy message and a hang-up. */
    private CallSession turnAway(CallContext call, CallOutput output) {
        metrics.busy();
        LOG.warn("call {}: all {} lines busy, caller {} hears the busy message", call.maskedId(), maxCalls,
                PiiMask.phone(call.from()));
        try {
            overflow.turnedAway(call.callSid(), call.from());
        } catch (RuntimeException e) {
            LOG.error("call {}: busy follow-up failed ({})", call.maskedId(), e.toString());
        }
        return BusyCall.play(prompts, output);
    }

    CallMetrics metrics() {
        return metrics;
    }

    /**
     * Shutdown, step one: streams that start from now on are hung up at once (the voice webhook is refused already,
     * so only calls Twilio was connecting can still arrive).
     */
    public void stopTakingCalls() {
        closing = true;
    }

    /**
     * Shutdown, step two: every call in progress finishes the reply it is speaking, hears a goodbye and is hung up.
     * Waits up to {@code timeout} for them to end.
     *
     * @return true if no call is left
     */
    public boolean endCalls(Duration timeout) throws InterruptedException {
        stopTakingCalls();
        sessions.forEach(Call::closeGracefully);
        // The shutdown budget is the process's real time (a monitor wait), not a call's clock.
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (sessions) {
            while (active.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                sessions.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** What a stream refused at shutdown gets: it ignores everything until Twilio closes it. */
    private static final CallSession NO_CALL = new CallSession() {
        @Override
        public void onMedia(byte[] payload, int offset, int length) {
        }

        @Override
        public void onDtmf(char digit) {
        }

        @Override
        public void onMark(String name) {
        }

        @Override
        public void stop() {
        }
    };

    DialogEngine engine() {
        return engine;
    }

    SpeechRecognizer recognizer() {
        return recognizer;
    }

    SpeechSynthesizer synthesizer() {
        return synthesizer;
    }

    PromptCache prompts() {
        return prompts;
    }

    VoiceSettings settings() {
        return settings;
    }

    List<TurnLatencyListener> latencyListeners() {
        return latencyListeners;
    }
}
