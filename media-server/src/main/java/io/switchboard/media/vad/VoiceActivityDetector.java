package io.switchboard.media.vad;

import java.util.function.LongSupplier;

/**
 * Energy-based voice-activity detector for one call, fed one fixed-size frame at a time.
 *
 * <p>The noise floor follows the quietest recent frames: it drops quickly when the line gets quieter and creeps up
 * slowly (and slower still during speech) when it gets louder, so steady line noise or a fan is learnt while speech,
 * which fluctuates, stays above it. Speech starts after {@code onsetMillis} of frames above floor + start threshold
 * and ends after {@code hangoverMillis} of frames below floor + continue threshold. Positions are stream time (frames
 * seen x frame length), so they don't depend on when frames happened to arrive; the wall-clock instant of the last
 * decision is kept for latency accounting. No allocation per frame. Not thread-safe: one instance per call.
 */
public final class VoiceActivityDetector {

    private static final double FLOOR_FALL = 0.3;
    private static final double FLOOR_RISE_QUIET = 0.02;
    private static final double FLOOR_RISE_SPEECH = 0.001;
    private static final double FULL_SCALE_SQUARED = 32768.0 * 32768.0;
    private static final double SILENT_DBFS = -120;

    private final LongSupplier nanoClock;
    private VadConfig config;
    private int onsetFrames;
    private int hangoverFrames;

    private long frames;
    private double noiseFloorDb = Double.NaN;
    private double lastLevelDb = SILENT_DBFS;
    private boolean lastVoiced;
    private boolean speaking;
    private int loudRun;
    private int quietRun;
    private long speechStartFrame = -1;
    private long lastVoicedFrame = -1;
    private long speechEndFrame = -1;
    private long speechStartedNanos;
    private long speechEndedNanos;

    public VoiceActivityDetector(VadConfig config) {
        this(config, System::nanoTime);
    }

    /** With an explicit clock for the wall-clock timestamps (tests, or a shared pipeline clock). */
    public VoiceActivityDetector(VadConfig config, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        reconfigure(config);
    }

    /** Changes tuning from the next frame on, e.g. a shorter hangover when the dialog expects a yes/no. */
    public void reconfigure(VadConfig newConfig) {
        if (config != null && (newConfig.frameSamples() != config.frameSamples()
                || newConfig.sampleRate() != config.sampleRate())) {
            throw new IllegalArgumentException("frame size and rate cannot change mid-stream");
        }
        this.config = newConfig;
        this.onsetFrames = Math.max(1, (int) Math.ceil(newConfig.onsetMillis() / newConfig.frameMillis()));
        this.hangoverFrames = Math.max(1, (int) Math.ceil(newConfig.hangoverMillis() / newConfig.frameMillis()));
    }

    public VadConfig config() {
        return config;
    }

    /**
     * Classifies the frame {@code pcm[off .. off + frameSamples)}.
     *
     * @throws IndexOutOfBoundsException if the array holds less than a frame from {@code off}
     */
    public VadEvent accept(short[] pcm, int off) {
        int n = config.frameSamples();
        if (off < 0 || off > pcm.length - n) {
            throw new IndexOutOfBoundsException("frame of " + n + " samples at " + off + " in array of " + pcm.length);
        }
        long sumSquares = 0;
        for (int i = off; i < off + n; i++) {
            sumSquares += pcm[i] * pcm[i];
        }
        double meanSquare = (double) sumSquares / n;
        double level = meanSquare <= 0 ? SILENT_DBFS : Math.max(SILENT_DBFS, 10 * Math.log10(meanSquare / FULL_SCALE_SQUARED));
        lastLevelDb = level;
        long frame = frames++;
        if (Double.isNaN(noiseFloorDb)) {
            noiseFloorDb = Math.max(level, lowestFloor());
        }
        boolean aboveFloor = level >= config.minimumSpeechDbfs();
        boolean loud = aboveFloor && level > noiseFloorDb + config.startThresholdDb();
        boolean voiced = aboveFloor && level > noiseFloorDb + config.continueThresholdDb();
        lastVoiced = voiced;
        adaptFloor(level);

        if (!speaking) {
            loudRun = loud ? loudRun + 1 : 0;
            if (loudRun >= onsetFrames) {
                speaking = true;
                quietRun = 0;
                speechStartFrame = frame - loudRun + 1;
                lastVoicedFrame = frame;
                speechEndFrame = -1;
                speechStartedNanos = nanoClock.getAsLong();
                return VadEvent.SPEECH_STARTED;
            }
            return VadEvent.SILENCE;
        }
        if (voiced) {
            quietRun = 0;
            lastVoicedFrame = frame;
            return VadEvent.SPEECH_CONTINUES;
        }
        if (++quietRun >= hangoverFrames) {
            speaking = false;
            loudRun = 0;
            speechEndFrame = lastVoicedFrame + 1;
            speechEndedNanos = nanoClock.getAsLong();
            return VadEvent.SPEECH_ENDED;
        }
        return VadEvent.SPEECH_CONTINUES;
    }

    private void adaptFloor(double level) {
        if (level < noiseFloorDb) {
            noiseFloorDb += (level - noiseFloorDb) * FLOOR_FALL;
        } else {
            noiseFloorDb += (level - noiseFloorDb) * (speaking ? FLOOR_RISE_SPEECH : FLOOR_RISE_QUIET);
        }
        // Below this the absolute minimum already gates speech; a floor learnt from digital silence would
        // otherwise take seconds to climb to real line noise and mistake it for a caller.
        noiseFloorDb = Math.max(noiseFloorDb, lowestFloor());
    }

    private double lowestFloor() {
        return config.minimumSpeechDbfs() - config.startThresholdDb();
    }

    /** Whether speech is in progress (between SPEECH_STARTED and SPEECH_ENDED). */
    public boolean isSpeaking() {
        return speaking;
    }

    /** Stream time of the start of the current or last speech, in ms; -1 before any speech. */
    public long speechStartMillis() {
        return toMillis(speechStartFrame);
    }

    /** Stream time just after the last voiced frame of the last ended speech, in ms; -1 if none has ended. */
    public long speechEndMillis() {
        return toMillis(speechEndFrame);
    }

    /** Stream time consumed so far, in ms. */
    public long streamMillis() {
        return toMillis(frames);
    }

    /** {@link System#nanoTime()}-style instant at which the last SPEECH_STARTED was returned. */
    public long speechStartedNanos() {
        return speechStartedNanos;
    }

    /** {@link System#nanoTime()}-style instant at which the last SPEECH_ENDED was returned (end of turn detected). */
    public long speechEndedNanos() {
        return speechEndedNanos;
    }

    /** Current noise-floor estimate, in dBFS. */
    public double noiseFloorDbfs() {
        return noiseFloorDb;
    }

    /**
     * Whether the last frame sounded like speech going on: at least {@link VadConfig#minimumSpeechDbfs()} and the
     * continue threshold over the floor (the test that keeps speech from ending).
     */
    public boolean lastFrameVoiced() {
        return lastVoiced;
    }

    /** Level of the last frame, in dBFS. */
    public double lastLevelDbfs() {
        return lastLevelDb;
    }

    /** Back to the initial state; the noise floor is learnt again. */
    public void reset() {
        frames = 0;
        noiseFloorDb = Double.NaN;
        lastLevelDb = SILENT_DBFS;
        lastVoiced = false;
        speaking = false;
        loudRun = 0;
        quietRun = 0;
        speechStartFrame = -1;
        lastVoicedFrame = -1;
        speechEndFrame = -1;
        speechStartedNanos = 0;
        speechEndedNanos = 0;
    }

    private long toMillis(long frame) {
        return frame < 0 ? -1 : Math.round(frame * config.frameMillis());
    }
}
