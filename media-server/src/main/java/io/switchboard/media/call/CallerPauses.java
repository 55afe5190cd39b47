package io.switchboard.media.call;

/**
 * This caller's own pauses inside a turn (the quiet between words that was followed by more words), averaged, so a
 * caller who habitually stops for 400 ms mid-sentence is given longer than one who runs their words together. Starts
 * at a typical pause; the scale it gives is bounded so one odd pause cannot make the receptionist jumpy or deaf. One
 * per call, used on the call's thread; nothing allocated.
 */
public final class CallerPauses {

    /** A pause people commonly leave between words or phrases of one turn. */
    static final int TYPICAL_MILLIS = 200;
    /** Quiet shorter than this is a gap inside a word, not a pause. */
    static final int SHORTEST_MILLIS = 60;
    private static final double WEIGHT = 0.3;
    private static final double MIN_SCALE = 0.75;
    private static final double MAX_SCALE = 2.0;

    private double averageMillis = TYPICAL_MILLIS;
    private int observed;

    /** The caller went on speaking after {@code millis} of quiet inside a turn. */
    public void observe(int millis) {
        if (millis < SHORTEST_MILLIS) {
            return;
        }
        averageMillis += WEIGHT * (millis - averageMillis);
        observed++;
    }

    /** How much longer (above 1) or shorter than a typical caller's this caller's pauses are. */
    public double scale() {
        double s = averageMillis / TYPICAL_MILLIS;
        return s < MIN_SCALE ? MIN_SCALE : Math.min(s, MAX_SCALE);
    }

    public int observed() {
        return observed;
    }
}
