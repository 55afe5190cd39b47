package io.switchboard.media.call;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.media.stt.SpeechRecognizer;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.media.tts.SpeechSynthesizer;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.twilio.TwimlResponses;
import io.switchboard.telephony.twilio.media.StartInfo;
import java.util.List;
import java.util.Objects;
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
    private volatile EarlyEnd earlyEnd = EarlyEnd.NEVER;

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

    /** How turns may end before the hangover; {@link EarlyEnd#NEVER} unless set (the server sets the dialog's {@code AnswerCheck}). Returns this. */
    public VoiceCalls withEarlyEnd(EarlyEnd rules) {
        this.earlyEnd = Objects.requireNonNull(rules, "rules");
        return this;
    }

    EarlyEnd earlyEnd() {
        return earlyEnd;
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
        long started = System.nanoTime();
        String from = start.customParameters().get(TwimlResponses.PARAM_FROM);
        CallContext call = new CallContext(start.callSid(), from == null || from.isBlank() ? null : from);
        active.incrementAndGet();
        VoiceCallSession session = new VoiceCallSession(call, this, output, started, active::decrementAndGet);
        LOG.info("call {}: media stream from {}", call.maskedId(), PiiMask.phone(from));
        session.start();
        return session;
    }

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
