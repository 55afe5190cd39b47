package io.switchboard.media.call;

/**
 * What the audio says about the end of a turn: the level and pitch of the caller's last voiced frames, kept for the
 * current turn only, so the {@link EndOfTurn} decision can ask whether the speech faded out and the voice fell (a
 * statement ending) or stopped level (a speaker drawing breath mid-sentence). Fed one 20 ms frame of 8 kHz audio at a
 * time; fixed arrays, nothing allocated per frame. One per call, used on the call's thread.
 */
public final class ProsodyTracker {

    /** Voiced frames remembered: the last 240 ms of speech. */
    static final int FRAMES = 12;
    private static final int TAIL = 3;
    private static final double FULL_SCALE_SQUARED = 32768.0 * 32768.0;
    /** A fall of this many dB from the turn's recent peak to its last frames starts to count ... */
    private static final double FADE_FROM_DB = 3;
    /** ... and this many dB is a full fade-out. */
    private static final double FADE_FULL_DB = 12;
    /** A pitch drop of this share from the earlier voiced frames to the last ones is a full fall. */
    private static final double FALL_FULL = 0.15;

    private final double[] levelDb = new double[FRAMES];
    private final double[] pitchHz = new double[FRAMES];
    private final short[] window = new short[2 * AudioFrame.SAMPLES];
    private final PitchEstimator pitch = new PitchEstimator();
    private int count;
    private int next;

    /** A new turn: forget the last one's speech. */
    public void reset() {
        count = 0;
        next = 0;
        java.util.Arrays.fill(window, (short) 0);
    }

    /** One voiced 20 ms frame of the caller, 8 kHz samples {@code pcm[0 .. 160)}. */
    public void voiced(short[] pcm) {
        System.arraycopy(window, AudioFrame.SAMPLES, window, 0, AudioFrame.SAMPLES);
        System.arraycopy(pcm, 0, window, AudioFrame.SAMPLES, AudioFrame.SAMPLES);
        long sum = 0;
        for (int i = 0; i < AudioFrame.SAMPLES; i++) {
            sum += pcm[i] * pcm[i];
        }
        double mean = (double) sum / AudioFrame.SAMPLES;
        levelDb[next] = mean <= 0 ? -120 : 10 * Math.log10(mean / FULL_SCALE_SQUARED);
        // The first frame of a turn has no previous one in the window: its pitch is read from that frame alone.
        pitchHz[next] = count == 0 ? pitch.hz(pcm, 0, AudioFrame.SAMPLES) : pitch.hz(window, 0, window.length);
        next = (next + 1) % FRAMES;
        if (count < FRAMES) {
            count++;
        }
    }

    /** Voiced frames seen this turn, up to {@link #FRAMES}. */
    public int frames() {
        return count;
    }

    /**
     * How clearly the speech faded out, 0 (stopped at full level) to 1 (the last frames {@value #FADE_FULL_DB} dB
     * or more below the loudest of the recent ones).
     */
    public double energyFall() {
        if (count <= TAIL) {
            return 0;
        }
        double peak = -200;
        for (int i = TAIL; i < count; i++) {
            peak = Math.max(peak, levelDb[back(i)]);
        }
        double tail = 0;
        for (int i = 0; i < TAIL; i++) {
            tail += levelDb[back(i)];
        }
        double fall = peak - tail / TAIL;
        return clamp((fall - FADE_FROM_DB) / (FADE_FULL_DB - FADE_FROM_DB));
    }

    /**
     * How clearly the voice fell at the end, 0 (level or rising, or too few pitched frames to tell) to 1 (the last
     * pitched frames {@value #FALL_FULL} or more below the earlier ones).
     */
    public double pitchFall() {
        double last = 0;
        int lastN = 0;
        double earlier = 0;
        int earlierN = 0;
        for (int i = 0; i < count; i++) {
            double hz = pitchHz[back(i)];
            if (hz <= 0) {
                continue;
            }
            if (lastN < TAIL) {
                last += hz;
                lastN++;
            } else {
                earlier += hz;
                earlierN++;
            }
        }
        if (lastN < TAIL || earlierN < TAIL) {
            return 0;
        }
        double drop = 1 - (last / lastN) / (earlier / earlierN);
        return clamp(drop / FALL_FULL);
    }

    /** Index of the frame {@code i} frames before the latest. */
    private int back(int i) {
        return (next - 1 - i + 2 * FRAMES) % FRAMES;
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
