package io.switchboard.media.call;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.media.tts.SpeechSynthesizer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's speaking thread, the blocking half of the call. It runs the outbound pipeline
 *
 * <pre>
 *   (mailbox) → dialog → sentences → tts → pacing → (this speaker: the turn's timing and log)
 * </pre>
 *
 * over its mailbox, in order: finished turns and speculations, queued by the call thread. Each stage owns its piece of
 * the reply ({@link DialogStage} the conversation and the held speculation, {@link TtsStage} the synthesis,
 * {@link PacingStage} the playback's send side); the dialog turn and synthesis block this thread, never an event loop.
 * Each answered turn is posted back to the {@link Call} as a {@link Frame.Replied} carrying the dialog's expectation.
 * The stages' counts and timings come from the pipeline, on the real clock (they measure work, even when the call
 * runs on simulated time).
 *
 * <p>Speculative replies: in a caller's short pause the call queues a {@link Speculation} on the words so far; the
 * dialog asks for an uncommitted {@link TurnPreview} and TTS synthesises the reply's first sentence into a held
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
    private final CallOutput output;
    private final List<TurnLatencyListener> listeners;
    private final CallTrace trace;
    private final Consumer<Frame> replies;
    private final TurnPreview previews;
    private final TurnTakingStats stats;
    private final CallClock clock;
    private final DialogStage dialog;
    private final Pipeline pipeline;
    private final BlockingQueue<ReplyFrame> inputs = new LinkedBlockingQueue<>();
    /** The speculation queued last (call thread writes, to void it). */
    private volatile Speculation latest;
    private volatile boolean stopped;
    private volatile boolean aborted;
    /** Set by {@link #close()}: only the goodbye is still to come. */
    private volatile boolean closing;
    private volatile List<StageStats> finalStats = List.of();

    CallSpeaker(CallContext call, DialogEngine engine, SpeechSynthesizer synthesizer, PromptCache prompts,
                Playback playback, CallOutput output, List<TurnLatencyListener> listeners, CallMetrics metrics,
                CallTrace trace, CallClock clock, Consumer<Frame> replies, TurnPreview previews,
                TurnTakingStats stats, CutOffWatch cutOffs) {
        this.call = call;
        this.output = output;
        this.listeners = listeners;
        this.trace = trace;
        this.replies = replies;
        this.previews = previews;
        this.stats = stats;
        this.clock = clock;
        this.dialog = new DialogStage(call, engine, previews, metrics, stats, clock);
        this.pipeline = new Pipeline(CallClock.SYSTEM, this::spoken, List.of(
                dialog,
                new SentenceStage(),
                new TtsStage(synthesizer, prompts, metrics, clock, call.maskedId()),
                new PacingStage(playback, output, cutOffs, clock, call.maskedId())));
    }

    /** Queues a turn; false (and dropped) once the conversation is ending, so no {@link Frame.Replied} will come. */
    synchronized boolean submit(TurnInput input) {
        Speculation s = latest;
        if (s != null && !(input instanceof TurnInput.Spoken spoken && s.preparedOn(spoken.text()))) {
            // The turn cannot commit it: the speaking thread stops preparing it now, rather than finish
            // synthesising a sentence nobody will hear while this turn waits behind it.
            s.supersede();
        } else if (s != null) {
            s.arrived();
        }
        if (!dialog.ending() && !closing) {
            inputs.add(new ReplyFrame.Turn(input));
            return true;
        }
        return false;
    }

    /** Call thread: prepare a reply on {@code heard}, the recognition so far, and hold it. */
    synchronized void speculate(String heard) {
        if (dialog.ending() || closing || previews == TurnPreview.NONE) {
            return;
        }
        Speculation s = new Speculation(heard);
        latest = s;
        inputs.add(new ReplyFrame.Prepare(s));
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
        if (closing || dialog.ending()) {
            return;
        }
        closing = true;
        inputs.clear();
        inputs.add(new ReplyFrame.Turn(new TurnInput.Closing(clock.nanoTime())));
    }

    void stop() {
        stopped = true;
    }

    /** The call cannot go on (its listening side failed): stop and hang up rather than leave the caller in silence. */
    void abort() {
        aborted = true;
        stopped = true;
    }

    /** Per-stage counts and timings of the outbound pipeline, once the speaking thread has finished. */
    List<StageStats> stageStats() {
        return finalStats;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                ReplyFrame next = inputs.poll(POLL_NANOS, TimeUnit.NANOSECONDS);
                if (next instanceof ReplyFrame.Prepare && !closing) {
                    try {
                        pipeline.push(next);
                    } catch (RuntimeException e) {
                        // A speculation is only ever an optimisation: the turn itself will run as usual.
                        LOG.warn("call {}: speculation failed ({})", call.maskedId(), e.toString());
                    }
                } else if (next instanceof ReplyFrame.Turn) {
                    try {
                        pipeline.push(next);
                    } catch (RuntimeException e) {
                        LOG.error("call {}: turn failed ({})", call.maskedId(), e.toString());
                    } finally {
                        replies.accept(new Frame.Replied(dialog.expecting(), dialog.ending()));
                    }
                    if (dialog.ending()) {
                        pipeline.push(new ReplyFrame.HangUp(GOODBYE_PLAY_NANOS));
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (aborted) {
                output.hangUp();
            }
            dialog.end();
            try {
                trace.onEnd();
            } catch (RuntimeException e) {
                LOG.warn("call {}: call trace failed at the end ({})", call.maskedId(), e.toString());
            }
            finalStats = pipeline.stats();
            LOG.info("call {}: outbound stages {}", call.maskedId(), finalStats);
        }
    }

    /** What leaves pacing: a reply is over; tells the latency listeners and the call's trace. */
    private void spoken(Frame frame) {
        if (frame instanceof ReplyFrame.EndOfReply end) {
            ReplyFrame.Answer a = end.answer();
            publish(end.latency(call.maskedId()), a.heard(), a.text(), a);
        }
    }

    /** None of the listeners may break the call. */
    private void publish(TurnLatency t, String heard, String said, ReplyFrame.Answer answer) {
        LOG.info("turn call={} n={} via={} quiet={} stt={} dialog={} tts={} total={} ms{}", t.callId(), t.turn(),
                t.trigger().name().toLowerCase(Locale.ROOT), t.silenceMillis(), ms(t.sttMillis()),
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
            trace.onTurn(new CallTurn(t, heard, null, said, answer.result()));
        } catch (RuntimeException e) {
            LOG.warn("call {}: call trace failed on turn {} ({})", call.maskedId(), t.turn(), e.toString());
        }
    }

    private static String ms(double millis) {
        return millis < 0 ? "-" : String.format(Locale.ROOT, "%.0f", millis);
    }
}
