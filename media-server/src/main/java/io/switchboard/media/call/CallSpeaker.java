package io.switchboard.media.call;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.metrics.DependencyKind;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.tts.AudioSink;
import io.switchboard.media.tts.CachedPrompt;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.media.tts.SpeechSynthesisException;
import io.switchboard.media.tts.SpeechSynthesizer;
import io.switchboard.models.Channel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's speaking thread, the blocking half of the call: takes finished turns in order, asks the dialog engine
 * (blocking JDBC, so never on an event loop), and speaks the reply sentence by sentence — cached prompts straight from
 * memory, the rest streamed from the synthesiser — with a mark after each sentence. Each answered turn is posted back
 * to the {@link Call} as a {@link Frame.Replied} carrying the dialog's expectation; the call keeps the state. Publishes
 * each turn's timing.
 *
 * <p>Speculative replies: in a caller's short pause the call queues a {@link Speculation} on the words so far; this
 * thread asks the dialog for an uncommitted {@link TurnPreview} and synthesises the reply's first sentence into a held
 * buffer, sending nothing. When the turn then ends with the same words, the preview is committed (only now does the
 * turn take effect) and the held audio goes out at once; if the words differ it is a miss and the turn runs as usual;
 * if the caller went on, the call voided it and it is dropped. A preview that is not committed has no effect.
 */
final class CallSpeaker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CallSpeaker.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** How long a goodbye may take to play before the call is closed anyway. */
    private static final long GOODBYE_PLAY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final CallContext call;
    private final DialogEngine engine;
    private final SpeechSynthesizer synthesizer;
    private final PromptCache prompts;
    private final Playback playback;
    private final CallOutput output;
    private final List<TurnLatencyListener> listeners;
    private final CallMetrics metrics;
    private final CallTrace trace;
    private final CallClock clock;
    private final Consumer<Frame> replies;
    private final TurnPreview previews;
    private final TurnTakingStats stats;
    private final CutOffWatch cutOffs;
    private final BlockingQueue<Object> inputs = new LinkedBlockingQueue<>();
    /** The speculation queued last (call thread writes, to void it). */
    private volatile Speculation latest;
    /** A prepared speculation waiting for its turn; this thread's only. */
    private Speculation held;
    private volatile boolean stopped;
    private volatile boolean aborted;
    /** What the last reply asked for; this thread's only. */
    private Expectation expecting = Expectation.NONE;
    /** Set once the conversation is over; no further turn is taken. */
    private volatile boolean ending;
    /** Set by {@link #close()}: only the goodbye is still to come. */
    private boolean closing;
    private int turns;

    CallSpeaker(CallContext call, DialogEngine engine, SpeechSynthesizer synthesizer, PromptCache prompts,
                Playback playback, CallOutput output, List<TurnLatencyListener> listeners, CallMetrics metrics,
                CallTrace trace, CallClock clock, Consumer<Frame> replies, TurnPreview previews,
                TurnTakingStats stats, CutOffWatch cutOffs) {
        this.previews = previews;
        this.stats = stats;
        this.cutOffs = cutOffs;
        this.clock = clock;
        this.replies = replies;
        this.metrics = metrics;
        this.trace = trace;
        this.call = call;
        this.engine = engine;
        this.synthesizer = synthesizer;
        this.prompts = prompts;
        this.playback = playback;
        this.output = output;
        this.listeners = listeners;
    }

    /** Queues a turn; false (and dropped) once the conversation is ending, so no {@link Frame.Replied} will come. */
    synchronized boolean submit(TurnInput input) {
        if (!ending && !closing) {
            inputs.add(input);
            return true;
        }
        return false;
    }

    /** Call thread: prepare a reply on {@code heard}, the recognition so far, and hold it. */
    synchronized void speculate(String heard) {
        if (ending || closing || previews == TurnPreview.NONE) {
            return;
        }
        Speculation s = new Speculation(heard);
        latest = s;
        inputs.add(s);
    }

    /** Call thread: the caller went on after the pause; the speculative reply must not be used. */
    void discardSpeculation() {
        Speculation s = latest;
        if (s != null && s.voidIt()) {
            stats.speculationDiscarded();
        }
    }

    /**
     * Ends the call for a shutdown: what the caller said but was not answered yet is dropped, the reply in progress
     * plays to its end, then the goodbye, then the call hangs up. Idempotent.
     */
    synchronized void close() {
        if (closing || ending) {
            return;
        }
        closing = true;
        inputs.clear();
        inputs.add(new TurnInput.Closing(clock.nanoTime()));
    }

    void stop() {
        stopped = true;
    }

    /** The call cannot go on (its listening side failed): stop and hang up rather than leave the caller in silence. */
    void abort() {
        aborted = true;
        stopped = true;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                Object next = inputs.poll(POLL_NANOS, TimeUnit.NANOSECONDS);
                if (next instanceof Speculation s) {
                    prepare(s);
                    continue;
                }
                if (!(next instanceof TurnInput input)) {
                    continue;
                }
                try {
                    handle(input);
                } catch (RuntimeException e) {
                    LOG.error("call {}: turn failed ({})", call.maskedId(), e.toString());
                } finally {
                    replies.accept(new Frame.Replied(expecting, ending));
                }
                if (ending) {
                    playback.awaitPlayedOut(GOODBYE_PLAY_NANOS);
                    LOG.info("call {}: conversation over, hanging up", call.maskedId());
                    output.hangUp();
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (aborted) {
                output.hangUp();
            }
            try {
                engine.end(Channel.VOICE, call.callSid());
            } catch (RuntimeException e) {
                LOG.warn("call {}: dialog engine failed to end the session ({})", call.maskedId(), e.toString());
            }
            try {
                trace.onEnd();
            } catch (RuntimeException e) {
                LOG.warn("call {}: call trace failed at the end ({})", call.maskedId(), e.toString());
            }
        }
    }

    private void handle(TurnInput input) {
        int turn = ++turns;
        TurnTrigger trigger;
        long sttFinal = 0;
        int silence = 0;
        String reply;
        switch (input) {
            case TurnInput.Silence s -> {
                trigger = s.giveUp() ? TurnTrigger.SILENCE_GOODBYE : TurnTrigger.REPROMPT;
                reply = s.giveUp() ? CallPrompts.SILENT_GOODBYE : CallPrompts.STILL_THERE;
                if (s.giveUp()) {
                    ending = true;
                }
                publish(speak(turn, trigger, input.readyNanos(), 0, 0, 0, reply, null), null, reply, null);
                return;
            }
            case TurnInput.Closing c -> {
                ending = true;
                publish(speak(turn, TurnTrigger.SHUTDOWN, input.readyNanos(), 0, 0, 0, CallPrompts.CLOSING, null), null,
                        CallPrompts.CLOSING, null);
                return;
            }
            case TurnInput.Greeting g -> trigger = TurnTrigger.GREETING;
            case TurnInput.Spoken s -> {
                trigger = s.early() ? TurnTrigger.EARLY_SPEECH : TurnTrigger.SPEECH;
                sttFinal = s.sttFinalNanos();
                silence = s.silenceMillis();
            }
            case TurnInput.Keyed k -> trigger = TurnTrigger.KEYPAD;
        }
        String heard = switch (input) {
            case TurnInput.Spoken s -> s.text();
            case TurnInput.Keyed k -> k.digits();
            default -> null;
        };
        TurnResult result;
        Speculation used = null;
        try {
            Speculation speculated = held;
            held = null;
            if (speculated != null && !speculated.voided() && input instanceof TurnInput.Spoken s) {
                if (speculated.preparedOn(s.text()) && !s.replyCut()) {
                    used = speculated;
                } else {
                    stats.speculationMiss();
                }
            }
            result = used != null ? used.preview().commit() : switch (input) {
                case TurnInput.Greeting g -> engine.begin(Channel.VOICE, call.callSid(), call.from());
                case TurnInput.Spoken s -> engine.handle(heard(
                        TurnRequest.text(Channel.VOICE, call.callSid(), call.from(), s.text())
                                .withAlternatives(s.alternatives()), s.replyCut()));
                case TurnInput.Keyed k -> engine.handle(heard(
                        TurnRequest.digits(Channel.VOICE, call.callSid(), call.from(), k.digits()), k.replyCut()));
                case TurnInput.Silence s -> throw new IllegalStateException("handled above");
                case TurnInput.Closing c -> throw new IllegalStateException("handled above");
            };
        } catch (RuntimeException e) {
            metrics.errors().record(DependencyKind.DIALOG);
            LOG.error("call {}: dialog engine failed on turn {} ({})", call.maskedId(), turn, e.toString());
            publish(speak(turn, trigger, input.readyNanos(), sttFinal, clock.nanoTime(), silence,
                    CallPrompts.TROUBLE, null), heard, CallPrompts.TROUBLE, null);
            return;
        }
        long dialogDone = clock.nanoTime();
        expecting = result.expecting() == null ? Expectation.NONE : result.expecting();
        if (result.has(DialogAction.EndConversation.class)) {
            ending = true;
        }
        Speculation release = null;
        if (used != null) {
            // The committed turn is the one that counts; its held audio only if it still says what was prepared.
            if (result.reply().equals(used.preview().result().reply()) && used.holdsAudio()) {
                release = used;
                stats.speculationHit();
            } else {
                stats.speculationMiss();
            }
        }
        publish(speak(turn, trigger, input.readyNanos(), sttFinal, dialogDone, silence, result.reply(), release),
                heard, result.reply(), result);
    }

    /**
     * Speaking thread: asks the dialog for an uncommitted preview of the turn {@code s} was made on and holds its first
     * sentence's audio. Nothing is sent and nothing takes effect here.
     */
    private void prepare(Speculation s) {
        held = null;
        if (s.voided() || ending || closing) {
            return;
        }
        Optional<TurnPreview.Preview> preview;
        try {
            preview = previews.preview(TurnRequest.text(Channel.VOICE, call.callSid(), call.from(), s.words()));
        } catch (RuntimeException e) {
            LOG.warn("call {}: speculative turn failed ({})", call.maskedId(), e.toString());
            return;
        }
        if (preview.isEmpty()) {
            return;
        }
        s.prepared(preview.get());
        List<String> sentences = Sentences.of(preview.get().result().reply());
        if (!sentences.isEmpty()) {
            String first = sentences.get(0);
            try {
                Optional<CachedPrompt> cached = prompts.find(first);
                if (cached.isPresent()) {
                    cached.get().play(s.holder(), s::voided);
                } else {
                    synthesizer.synthesize(first, s.holder(), s::voided);
                }
            } catch (SpeechSynthesisException e) {
                LOG.warn("call {}: could not synthesise a speculative sentence ({})", call.maskedId(), e.getMessage());
            }
        }
        held = s;
    }

    /** Speaks {@code text} and returns the turn's timing; {@code prepared} holds the first sentence's audio, or null. */
    private TurnLatency speak(int turn, TurnTrigger trigger, long ready, long sttFinal, long dialogDone, int silence,
                       String text, Speculation prepared) {
        List<String> sentences = Sentences.of(text);
        Reply reply = playback.begin(sentences.size());
        FrameSender sender = new FrameSender(reply,
                trigger == TurnTrigger.SPEECH || trigger == TurnTrigger.EARLY_SPEECH);
        try {
            for (int i = 0; i < sentences.size() && !reply.cancelled(); i++) {
                String sentence = sentences.get(i);
                Optional<CachedPrompt> cached = prompts.find(sentence);
                try {
                    if (i == 0 && prepared != null) {
                        prepared.release(sender, reply::cancelled);
                    } else if (cached.isPresent()) {
                        cached.get().play(sender, reply::cancelled);
                    } else {
                        synthesizer.synthesize(sentence, sender, reply::cancelled);
                    }
                } catch (SpeechSynthesisException e) {
                    metrics.errors().record(DependencyKind.SPEECH_SYNTHESIS);
                    LOG.error("call {}: could not synthesise a sentence of {} characters ({})", call.maskedId(),
                            sentence.length(), e.getMessage());
                    continue;
                }
                playback.markSentence(reply, i);
            }
        } finally {
            playback.end(reply);
        }
        boolean cut = playback.wasCut(reply);
        return new TurnLatency(call.maskedId(), turn, trigger, ready, sttFinal, dialogDone, sender.firstAudioNanos,
                sender.firstSentNanos, cut, cut ? playback.heard(reply) : sentences.size(), sentences.size(), silence);
    }

    /** Tells the latency listeners and the call's trace; none of them may break the call. */
    private void publish(TurnLatency t, String heard, String said, TurnResult result) {
        LOG.info("turn call={} n={} via={} quiet={} stt={} dialog={} tts={} total={} ms{}", t.callId(), t.turn(),
                t.trigger().name().toLowerCase(java.util.Locale.ROOT), t.silenceMillis(), ms(t.sttMillis()),
                ms(t.dialogMillis()), ms(t.ttsMillis()), ms(t.totalMillis()),
                t.interrupted() ? " (barge-in after " + t.sentencesHeard() + "/" + t.sentences() + " sentences)" : "");
        for (TurnLatencyListener listener : listeners) {
            try {
                listener.onTurn(t);
            } catch (RuntimeException e) {
                LOG.warn("turn latency listener failed ({})", e.toString());
            }
        }
        try {
            // Recognisers report no confidence today; the field is there for one that does.
            trace.onTurn(new CallTurn(t, heard, null, said, result));
        } catch (RuntimeException e) {
            LOG.warn("call {}: call trace failed on turn {} ({})", call.maskedId(), t.turn(), e.toString());
        }
    }

    private static String ms(double millis) {
        return millis < 0 ? "-" : String.format(java.util.Locale.ROOT, "%.0f", millis);
    }

    /** Hands synthesised frames to the playback, noting (on the call's clock) when the first one came and went out. */
    private final class FrameSender implements AudioSink {
        private final Reply reply;
        /** A reply to a spoken turn: its start is watched for cutting the caller off. */
        private final boolean toSpeech;
        long firstAudioNanos;
        long firstSentNanos;

        FrameSender(Reply reply, boolean toSpeech) {
            this.reply = reply;
            this.toSpeech = toSpeech;
        }

        @Override
        public void accept(byte[] frame, int offset, int length) {
            if (firstAudioNanos == 0) {
                firstAudioNanos = clock.nanoTime();
            }
            if (playback.sendFrame(reply, frame, offset, length) && firstSentNanos == 0) {
                firstSentNanos = clock.nanoTime();
                if (toSpeech) {
                    cutOffs.replyStarted(firstSentNanos);
                }
            }
        }
    }

    private static TurnRequest heard(TurnRequest request, boolean replyCut) {
        return replyCut ? request.afterCutReply() : request;
    }
}
