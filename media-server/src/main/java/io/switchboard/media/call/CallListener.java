package io.switchboard.media.call;

import io.switchboard.dialog.metrics.DependencyKind;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.audio.StreamingResampler;
import io.switchboard.media.codec.MuLaw;
import io.switchboard.media.stt.ListeningFor;
import io.switchboard.media.stt.Recognition;
import io.switchboard.media.stt.RecognitionStream;
import io.switchboard.media.stt.SpeechRecognizer;
import io.switchboard.media.vad.VadEvent;
import io.switchboard.media.vad.VoiceActivityDetector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's listening thread: takes caller audio from the ring, decodes it, runs voice-activity detection at 8 kHz,
 * upsamples to the recogniser's rate and feeds the recogniser while the caller speaks (plus a short pre-roll), decides
 * where the caller's turn ends, cuts the reply on barge-in, collects key presses and notices long silences.
 *
 * <p>Everything here runs on one thread with buffers allocated up front, so the per-frame work allocates nothing; the
 * recogniser's occasional long calls only delay this call's own frames, which wait in the ring.
 */
final class CallListener implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CallListener.class);
    private static final int FRAME = 160;
    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** How often (in frames) to ask the recogniser for a partial while waiting for an early end. */
    private static final int PARTIAL_EVERY_FRAMES = 3;

    private final CallContext call;
    private final FrameRing ring;
    private final SpeechRecognizer recognizer;
    private final VoiceSettings settings;
    private final VoiceActivityDetector vad;
    private final Playback playback;
    private final CallSpeaker speaker;
    private final Queue<Character> keys = new ConcurrentLinkedQueue<>();

    private final byte[] slot = new byte[FrameRing.SLOT_BYTES];
    private final long[] arrival = new long[1];
    private final short[] pcm8 = new short[FRAME];
    private int pcm8Length;
    private final StreamingResampler upsampler;
    private final short[] pcm16;
    private final short[][] preRoll;
    private final int[] preRollLength;
    private int preRollNext;
    private int preRollCount;

    private final int earlyQuietFrames;
    private final int bargeInFrames;
    private final long repromptNanos;
    private final long digitTimeoutNanos;

    private volatile boolean stopped;
    private RecognitionStream stt;
    private boolean inUtterance;
    /** The turn was ended early; frames are ignored until the detector agrees the speech is over. */
    private boolean endedEarly;
    private int utteranceFrames;
    private boolean bargedIn;
    private boolean heardOverPlayback;
    /** The current turn cut the previous reply before its last sentence was heard. */
    private boolean replyCut;
    private int quietRun;
    private int sincePartial;
    private final StringBuilder digits = new StringBuilder();
    private boolean keyCutReply;
    private long lastKeyNanos;
    private long lastActivityNanos;
    private int reprompts;
    private final EarlyEnd earlyEnd;
    private final java.util.function.Function<Expectation, ListeningFor> listening;
    private final CallMetrics metrics;
    /** Time spent inside the recogniser on the current utterance, and the audio it was given (frames of 20 ms). */
    private long sttNanos;
    private int sttFrames;

    CallListener(CallContext call, FrameRing ring, SpeechRecognizer recognizer, VoiceSettings settings,
                 EarlyEnd earlyEnd, java.util.function.Function<Expectation, ListeningFor> listening,
                 Playback playback, CallSpeaker speaker, CallMetrics metrics) {
        this.metrics = metrics;
        this.listening = listening;
        this.call = call;
        this.earlyEnd = earlyEnd;
        this.ring = ring;
        this.recognizer = recognizer;
        this.settings = settings;
        this.vad = new VoiceActivityDetector(settings.vad());
        this.playback = playback;
        this.speaker = speaker;
        this.upsampler = new StreamingResampler(8000, recognizer.sampleRate());
        this.pcm16 = new short[upsampler.maxOutputLength(FRAME)];
        int frames = Math.max(1, settings.preRollMillis() / 20);
        this.preRoll = new short[frames][pcm16.length];
        this.preRollLength = new int[frames];
        this.earlyQuietFrames = Math.max(1, settings.earlyEndQuietMillis() / 20);
        this.bargeInFrames = Math.max(1, settings.bargeInMillis() / 20);
        this.repromptNanos = settings.repromptAfter().toNanos();
        this.digitTimeoutNanos = settings.digitTimeout().toNanos();
    }

    /** Network thread: a key press. */
    void key(char digit) {
        keys.add(digit);
        ring.wake();
    }

    void stop() {
        stopped = true;
        ring.wake();
    }

    @Override
    public void run() {
        ring.consumer(Thread.currentThread());
        lastActivityNanos = System.nanoTime();
        try {
            stt = recognizer.openStream();
            while (!stopped) {
                int n = ring.poll(slot, arrival);
                if (n < 0) {
                    checkTimers(System.nanoTime());
                    ring.await(IDLE_WAIT_NANOS);
                    continue;
                }
                audio(n, arrival[0]);
                drainKeys();
            }
        } catch (RuntimeException e) {
            metrics.errors().record(DependencyKind.SPEECH_RECOGNITION);
            LOG.error("call {}: listening failed ({}); ending the call", call.maskedId(), e.toString());
            speaker.abort();
        } finally {
            if (stt != null) {
                stt.close();
            }
            if (ring.dropped() > 0) {
                LOG.warn("call {}: {} audio frames dropped because recognition fell behind", call.maskedId(),
                        ring.dropped());
            }
        }
    }

    private void audio(int n, long arrivedNanos) {
        for (int i = 0; i < n; ) {
            int take = Math.min(FRAME - pcm8Length, n - i);
            MuLaw.decode(slot, i, take, pcm8, pcm8Length);
            pcm8Length += take;
            i += take;
            if (pcm8Length == FRAME) {
                pcm8Length = 0;
                frame(arrivedNanos);
            }
        }
        checkTimers(System.nanoTime());
    }

    private void frame(long arrivedNanos) {
        VadEvent event = vad.accept(pcm8, 0);
        int wide = upsampler.process(pcm8, 0, FRAME, pcm16, 0);
        if (endedEarly) {
            if (event == VadEvent.SPEECH_ENDED) {
                endedEarly = false;
            } else if (isQuiet()) {
                quietRun++;
            } else if (quietRun >= earlyQuietFrames) {
                // Talking again after the early end: a new utterance, fed from the pre-roll.
                endedEarly = false;
                startUtterance();
            } else {
                quietRun = 0;
            }
        }
        if (!inUtterance) {
            remember(wide);
            if (event == VadEvent.SPEECH_STARTED && !endedEarly) {
                startUtterance();
            }
            return;
        }
        long fed = System.nanoTime();
        stt.accept(pcm16, wide);
        sttNanos += System.nanoTime() - fed;
        sttFrames++;
        utteranceFrames++;
        lastActivityNanos = System.nanoTime();
        if (event == VadEvent.SPEECH_ENDED) {
            endTurn(arrivedNanos, false, (int) (vad.streamMillis() - vad.speechEndMillis()));
            return;
        }
        if (!bargedIn && utteranceFrames >= bargeInFrames && playback.audible()) {
            Reply cut = playback.interrupt();
            if (cut != null) {
                bargedIn = true;
                replyCut = playback.heard(cut) < cut.sentences();
                LOG.info("call {}: barge-in, reply {} cut after {}/{} sentences heard", call.maskedId(),
                        cut.number(), playback.heard(cut), cut.sentences());
            }
        }
        if (!bargedIn && playback.audible()) {
            heardOverPlayback = true;
        }
        Expectation expecting = speaker.expecting();
        if (earlyEnd.applies().test(expecting)) {
            quietRun = isQuiet() ? quietRun + 1 : 0;
            if (quietRun >= earlyQuietFrames && ++sincePartial >= PARTIAL_EVERY_FRAMES) {
                sincePartial = 0;
                if (earlyEnd.answers().test(expecting, stt.partial())) {
                    endTurn(arrivedNanos, true, quietRun * 20);
                    endedEarly = vad.isSpeaking();
                    quietRun = earlyQuietFrames;
                }
            }
        }
    }

    private boolean isQuiet() {
        return vad.lastLevelDbfs() < vad.noiseFloorDbfs() + vad.config().continueThresholdDb();
    }

    private void remember(int wide) {
        System.arraycopy(pcm16, 0, preRoll[preRollNext], 0, wide);
        preRollLength[preRollNext] = wide;
        preRollNext = (preRollNext + 1) % preRoll.length;
        preRollCount = Math.min(preRollCount + 1, preRoll.length);
    }

    private void startUtterance() {
        inUtterance = true;
        utteranceFrames = 0;
        bargedIn = false;
        heardOverPlayback = false;
        quietRun = 0;
        sincePartial = 0;
        lastActivityNanos = System.nanoTime();
        int start = (preRollNext - preRollCount + preRoll.length) % preRoll.length;
        long fed = System.nanoTime();
        for (int k = 0; k < preRollCount; k++) {
            int i = (start + k) % preRoll.length;
            stt.accept(preRoll[i], preRollLength[i]);
        }
        sttNanos += System.nanoTime() - fed;
        sttFrames += preRollCount;
        preRollCount = 0;
    }

    private void endTurn(long arrivedNanos, boolean early, int silenceMillis) {
        inUtterance = false;
        long finishing = System.nanoTime();
        Recognition heard = stt.finish(listening.apply(speaker.expecting()));
        String text = heard.text();
        long sttDone = System.nanoTime();
        // Once per utterance, off the per-frame path: processing time over the audio's own duration.
        metrics.recognised(sttNanos + (sttDone - finishing), sttFrames * FRAME_NANOS);
        sttNanos = 0;
        sttFrames = 0;
        lastActivityNanos = sttDone;
        if (heardOverPlayback && !bargedIn) {
            // Too short to be a barge-in while the reply was playing: a cough, a "mm", line noise. Not a turn.
            LOG.debug("call {}: short sound over the reply ignored", call.maskedId());
            return;
        }
        if (text.isBlank() || speaker.ending()) {
            return;
        }
        reprompts = 0;
        if (heard.pass() != Recognition.Pass.OPEN) {
            LOG.info("call {}: {} pass chose the answer to {}", call.maskedId(), heard.pass(),
                    speaker.expecting().name());
        }
        speaker.submit(new TurnInput.Spoken(text, arrivedNanos, sttDone, early, silenceMillis, replyCut,
                heard.texts()));
        replyCut = false;
    }

    private void drainKeys() {
        for (Character key; (key = keys.poll()) != null; ) {
            long now = System.nanoTime();
            lastActivityNanos = now;
            if (digits.isEmpty() && playback.audible()) {
                Reply cut = playback.interrupt();
                keyCutReply = cut != null && playback.heard(cut) < cut.sentences();
            }
            if (key == '#') {
                submitDigits(now);
            } else {
                digits.append(key.charValue());
                lastKeyNanos = now;
            }
        }
    }

    private void submitDigits(long now) {
        if (!digits.isEmpty() && !speaker.ending()) {
            reprompts = 0;
            speaker.submit(new TurnInput.Keyed(digits.toString(), now, keyCutReply));
            keyCutReply = false;
        }
        digits.setLength(0);
    }

    private void checkTimers(long now) {
        drainKeys();
        if (!digits.isEmpty() && now - lastKeyNanos >= digitTimeoutNanos) {
            submitDigits(now);
        }
        if (inUtterance || vad.isSpeaking() || !digits.isEmpty() || speaker.busy() || playback.audible()) {
            lastActivityNanos = Math.max(lastActivityNanos, now);
            return;
        }
        if (speaker.ending() || now - lastActivityNanos < repromptNanos) {
            return;
        }
        lastActivityNanos = now;
        boolean giveUp = reprompts >= settings.maxReprompts();
        reprompts++;
        LOG.info("call {}: caller silent for {} ms, {}", call.maskedId(), settings.repromptAfter().toMillis(),
                giveUp ? "ending the call" : "re-prompting");
        speaker.submit(new TurnInput.Silence(giveUp, now));
    }
}
