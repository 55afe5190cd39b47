package io.switchboard.media.call;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's voice loop: the network thread's entry points (copy audio into the ring, pass on keys and marks) and the
 * two threads doing the work, {@link CallListener} and {@link CallSpeaker}.
 */
final class VoiceCallSession implements CallSession {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceCallSession.class);
    /** About ten seconds of caller audio may wait while the listener is busy before frames are dropped. */
    private static final int RING_SLOTS = 512;

    private final CallContext call;
    private final FrameRing ring = new FrameRing(RING_SLOTS);
    private final Playback playback;
    private final CallListener listener;
    private final CallSpeaker speaker;
    private final Thread listening;
    private final Thread speaking;
    private final Runnable onFinished;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();

    VoiceCallSession(CallContext call, VoiceCalls calls, CallOutput output, long startedNanos, CallTrace trace,
                     Runnable onFinished) {
        this.call = call;
        this.onFinished = onFinished;
        this.playback = new Playback(output, calls.settings().maxPlaybackLeadMillis());
        this.speaker = new CallSpeaker(call, calls.engine(), calls.synthesizer(), calls.prompts(), playback, output,
                calls.latencyListeners(), calls.metrics(), trace);
        this.listener = new CallListener(call, ring, calls.recognizer(), calls.settings(), calls.earlyEnd(), calls.listening(),
                playback,
                speaker, calls.metrics());
        String name = "call-" + call.maskedId().substring(1);
        this.listening = new Thread(listener, name + "-listen");
        this.speaking = new Thread(() -> {
            try {
                speaker.run();
            } finally {
                // The conversation is over (hang-up, give-up or stop): the listener has nothing left to do.
                listener.stop();
                finished();
            }
        }, name + "-speak");
        listening.setDaemon(true);
        speaking.setDaemon(true);
        speaker.submit(new TurnInput.Greeting(startedNanos));
    }

    void start() {
        listening.start();
        speaking.start();
        LOG.info("call {}: started", call.maskedId());
    }

    @Override
    public void onMedia(byte[] payload, int offset, int length) {
        if (!stopped.get()) {
            ring.offer(payload, offset, length, System.nanoTime());
        }
    }

    @Override
    public void onDtmf(char digit) {
        if (!stopped.get()) {
            listener.key(digit);
        }
    }

    @Override
    public void onMark(String name) {
        playback.acknowledged(name);
    }

    /** Shutdown: finish the reply in progress, say goodbye, hang up. The session then finishes as after a hang-up. */
    void closeGracefully() {
        if (!stopped.get()) {
            speaker.close();
        }
    }

    @Override
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            playback.cancelAll();
            listener.stop();
            speaker.stop();
            LOG.info("call {}: stream stopped", call.maskedId());
        }
    }

    private void finished() {
        if (finished.compareAndSet(false, true)) {
            onFinished.run();
        }
    }
}
