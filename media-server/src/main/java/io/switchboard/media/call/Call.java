package io.switchboard.media.call;

import io.switchboard.dialog.metrics.DependencyKind;
import io.switchboard.dialog.understanding.AnswerCheck;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call. Its state (what the dialog expects, turns in flight, whether the conversation is ending) lives here and
 * changes on one thread, the call's, which runs the inbound pipeline
 *
 * <pre>
 *   decode → vad → cut-off watch → pre-roll → resample → stt → turn-taking → barge-in → keypad → silence → (this call)
 * </pre>
 *
 * over caller audio from the {@link FrameRing} and over its mailbox: key presses from the network thread, and
 * {@link Frame.Replied} from the speaking thread ({@link CallSpeaker}, the outbound pipeline
 * {@code dialog → sentences → tts → pacing}), which does the blocking work and posts each result back. The network thread's entry points only copy audio into the ring or post
 * to the mailbox, and return at once.
 */
final class Call implements CallSession {

    private static final Logger LOG = LoggerFactory.getLogger(Call.class);
    /** About ten seconds of caller audio may wait while recognition is busy before frames are dropped. */
    private static final int RING_SLOTS = 512;
    private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final CallContext call;
    private final VoiceCalls calls;
    private final CallClock clock;
    private final FrameRing ring = new FrameRing(RING_SLOTS);
    private final Queue<Frame> mailbox = new ConcurrentLinkedQueue<>();
    private final Playback playback;
    private final CallSpeaker speaker;
    private final Thread listening;
    private final Thread speaking;
    private final Runnable onFinished;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean halted;
    private volatile List<StageStats> finalStats = List.of();
    private final TurnTakingStats turnTaking;
    private final CutOffWatch cutOffs;

    // The call thread's own state.
    private final MuLawFrame wire = new MuLawFrame();
    private final long[] arrival = new long[1];
    private Pipeline pipeline;
    private SttStage stt;
    private int turnsInFlight;
    private boolean ending;
    private long sttNanosSeen;
    private long sttAudioSeen;

    Call(CallContext call, VoiceCalls calls, CallOutput output, long startedNanos, CallTrace trace,
         Runnable onFinished) {
        this.call = call;
        this.calls = calls;
        this.clock = calls.clock();
        this.onFinished = onFinished;
        this.playback = new Playback(output, calls.settings().maxPlaybackLeadMillis(), clock);
        this.turnTaking = new TurnTakingStats(calls.metrics());
        this.cutOffs = new CutOffWatch(turnTaking);
        this.speaker = new CallSpeaker(call, calls.engine(), calls.synthesizer(), calls.prompts(), playback, output,
                calls.latencyListeners(), calls.metrics(), trace, clock, this::post, calls.turnPreview(), turnTaking,
                cutOffs);
        String name = "call-" + call.maskedId().substring(1);
        this.listening = new Thread(this::listen, name + "-listen");
        this.speaking = new Thread(() -> {
            try {
                speaker.run();
            } finally {
                // The conversation is over (hang-up, give-up or stop): nothing is left to listen for.
                halt();
                finished();
            }
        }, name + "-speak");
        listening.setDaemon(true);
        speaking.setDaemon(true);
        submit(new TurnInput.Greeting(startedNanos));
    }

    void start() {
        listening.start();
        startSpeaking();
    }

    /**
     * Starts only the speaking thread; whoever calls {@link #openInbound()} and {@link #step()} is the call thread
     * (the fast driver, which moves the clock itself).
     */
    void startSpeaking() {
        speaking.start();
        LOG.info("call {}: started", call.maskedId());
    }

    @Override
    public void onMedia(byte[] payload, int offset, int length) {
        if (!stopped.get()) {
            ring.offer(payload, offset, length, clock.nanoTime());
        }
    }

    @Override
    public void onDtmf(char digit) {
        if (!stopped.get()) {
            post(new Frame.Dtmf(digit, clock.nanoTime(), false));
        }
    }

    @Override
    public void onMark(String name) {
        playback.acknowledged(name);
    }

    /** Shutdown: finish the reply in progress, say goodbye, hang up. The call then finishes as after a hang-up. */
    void closeGracefully() {
        if (!stopped.get()) {
            post(Frame.Signal.CLOSE);
        }
    }

    @Override
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            playback.cancelAll();
            halt();
            speaker.stop();
            LOG.info("call {}: stream stopped", call.maskedId());
        }
    }

    /** This call's replies to speech, false cut-offs and speculative replies so far. */
    TurnTakingCounts turnTaking() {
        return turnTaking.counts();
    }

    /** Per-stage counts and timings of the inbound pipeline, once the call has stopped listening. */
    List<StageStats> stageStats() {
        return finalStats;
    }

    /** Per-stage counts and timings of the outbound pipeline, once the speaking thread has finished. */
    List<StageStats> outboundStageStats() {
        return speaker.stageStats();
    }

    private void post(Frame frame) {
        mailbox.add(frame);
        ring.wake();
    }

    private void halt() {
        halted = true;
        ring.wake();
    }

    /** The call thread. */
    private void listen() {
        try {
            openInbound();
            while (!halted) {
                if (!step()) {
                    ring.await(IDLE_WAIT_NANOS);
                }
            }
        } catch (RuntimeException e) {
            calls.metrics().errors().record(DependencyKind.SPEECH_RECOGNITION);
            LOG.error("call {}: listening failed ({}); ending the call", call.maskedId(), e.toString());
            speaker.abort();
        } finally {
            closeInbound();
        }
    }

    /** Makes the current thread the call's and opens its recognition stream and pipeline. */
    void openInbound() {
        ring.consumer(Thread.currentThread());
        stt = new SttStage(calls.recognizer().openStream(), clock, calls.listening(), call.maskedId());
        pipeline = inbound(stt);
    }

    /**
     * One step of the call thread: the mailbox, then one slot of caller audio (or, with none waiting, just the timers).
     *
     * @return whether there was audio
     */
    boolean step() {
        drainMailbox();
        int n = ring.poll(wire.bytes, arrival);
        if (n >= 0) {
            wire.length = n;
            wire.arrivalNanos = arrival[0];
            pipeline.push(wire);
        }
        pipeline.push(Frame.Signal.TICK);
        return n >= 0;
    }

    void closeInbound() {
        if (stt != null) {
            stt.close();
            stt = null;
        }
        if (ring.dropped() > 0) {
            LOG.warn("call {}: {} audio frames dropped because recognition fell behind", call.maskedId(),
                    ring.dropped());
        }
        if (pipeline != null) {
            finalStats = pipeline.stats();
            LOG.info("call {}: stages {} turn-taking [{}]", call.maskedId(), finalStats, turnTaking.counts());
        }
    }

    /** Whether a turn is being answered (call thread). */
    boolean answering() {
        return turnsInFlight > 0;
    }

    /** Whether the speaking thread has finished: the conversation is over. */
    boolean over() {
        return halted;
    }

    private Pipeline inbound(SttStage stt) {
        VoiceSettings settings = calls.settings();
        int rate = calls.recognizer().sampleRate();
        int capacity = ResampleStage.capacity(rate);
        AnswerCheck answers = calls.answerCheck();
        // Stage timings measure work, so they are real elapsed time even when the call runs on simulated time.
        return new Pipeline(CallClock.SYSTEM, this::turn, List.of(
                new DecodeStage(capacity),
                new VadStage(settings.vad(), clock),
                cutOffs,
                new PreRollStage(settings.preRollMillis() / 20, capacity),
                new ResampleStage(rate),
                stt,
                new TurnTakingStage(answers, settings.endOfTurn()),
                new BargeInStage(new PlaybackFloor(), settings.bargeInMillis()),
                new KeypadStage(settings.digitTimeout(), clock),
                new SilenceStage(settings.repromptAfter(), settings.maxReprompts(),
                        () -> turnsInFlight > 0 || ending || playback.audible(), clock)));
    }

    private void drainMailbox() {
        for (Frame frame; (frame = mailbox.poll()) != null; ) {
            switch (frame) {
                case Frame.Replied r -> {
                    turnsInFlight--;
                    ending |= r.ending();
                    pipeline.push(new Frame.Expect(r.expecting()));
                }
                case Frame.Signal s when s == Frame.Signal.CLOSE -> {
                    ending = true;
                    speaker.close();
                }
                default -> pipeline.push(frame);
            }
        }
    }

    /** What comes out of the pipeline's end. */
    private void turn(Frame frame) {
        switch (frame) {
            case Frame.Utterance u -> {
                StageStats stt = pipeline.stats("stt");
                // Once per utterance, off the per-frame path: recognition time over the audio's own duration.
                calls.metrics().recognised(stt.nanos() - sttNanosSeen, (stt.audioIn() - sttAudioSeen) * FRAME_NANOS);
                sttNanosSeen = stt.nanos();
                sttAudioSeen = stt.audioIn();
                if (!ending) {
                    submit(new TurnInput.Spoken(u.text(), u.endOfSpeechNanos(), u.sttFinalNanos(), u.early(),
                            u.silenceMillis(), u.replyCut(), u.alternatives()));
                }
            }
            case Frame.Keyed k -> {
                if (!ending) {
                    submit(new TurnInput.Keyed(k.digits(), k.atNanos(), k.replyCut()));
                }
            }
            case Frame.Silence s -> {
                if (!ending) {
                    LOG.info("call {}: caller silent for {} ms, {}", call.maskedId(),
                            calls.settings().repromptAfter().toMillis(), s.giveUp() ? "ending the call" : "re-prompting");
                    submit(new TurnInput.Silence(s.giveUp(), s.atNanos()));
                }
            }
            case Frame.Speculate s -> {
                if (!ending && turnsInFlight == 0) {
                    speaker.speculate(s.text());
                }
            }
            case Frame.Signal s when s == Frame.Signal.SPECULATION_VOID -> speaker.discardSpeculation();
            case Frame.Interrupt i -> LOG.info("call {}: barge-in, reply {} cut after {}/{} sentences heard",
                    call.maskedId(), i.reply(), i.heard(), i.sentences());
            default -> {
            }
        }
    }

    private void submit(TurnInput input) {
        if (speaker.submit(input)) {
            turnsInFlight++;
        }
    }

    private void finished() {
        if (finished.compareAndSet(false, true)) {
            onFinished.run();
        }
    }

    /** Barge-in's view of the playback. */
    private final class PlaybackFloor implements ReplyFloor {
        @Override
        public boolean audible() {
            return playback.interruptible();
        }

        @Override
        public Frame.Interrupt interrupt() {
            Reply cut = playback.interrupt();
            return cut == null ? null : new Frame.Interrupt(cut.number(), playback.heard(cut), cut.sentences());
        }
    }
}
