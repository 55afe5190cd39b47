package io.switchboard.media.call;

/**
 * This caller's own pauses inside a turn (the quiet between words that was followed by more words), so a caller who
 * habitually stops for 400 ms mid-sentence is given longer than one who runs their words together. Two measures:
 *
 * <ul>
 *   <li>the average, which stretches the {@link EndOfTurn} score's pause term ({@link #scale()}, bounded so one odd
 *       pause cannot make the receptionist jumpy or deaf);</li>
 *   <li>the longest recent one ({@link #longestMillis()}: a maximum that fades by a share with every later pause),
 *       which the decision never ends a turn inside: a caller who has just paused 140 ms between two words of a
 *       sentence is not taken as finished by the next 120 ms pause, whatever the words and the voice say.</li>
 * </ul>
 *
 * Starts at a typical pause and no long one. One per call, used on the call's thread; nothing allocated.
 */
public final class CallerPauses {

    /** A pause people commonly leave between words or phrases of one turn. */
    static final int TYPICAL_MILLIS = 200;
    /** Quiet shorter than this is a gap inside a word, not a pause. */
    static final int SHORTEST_MILLIS = 60;
    private static final double WEIGHT = 0.3;
    private static final double MIN_SCALE = 0.75;
    private static final double MAX_SCALE = 2.0;
    /** Each later pause keeps this share of the longest one (or itself, if longer): a long pause is forgotten slowly. */
    static final double LONGEST_KEPT = 0.85;

    private double averageMillis = TYPICAL_MILLIS;
    private double longestMillis;
    private int observed;

    /** The caller went on speaking after {@code millis} of quiet inside a turn. */
    public void observe(int millis) {
        if (millis < SHORTEST_MILLIS) {
            return;
        }
        averageMillis += WEIGHT * (millis - averageMillis);
        longestMillis = Math.max(millis, longestMillis * LONGEST_KEPT);
        observed++;
    }

    /** How much longer (above 1) or shorter than a typical caller's this caller's pauses are. */
    public double scale() {
        double s = averageMillis / TYPICAL_MILLIS;
        return s < MIN_SCALE ? MIN_SCALE : Math.min(s, MAX_SCALE);
    }

    /** The longest recent pause this caller went on after, in ms; 0 before any. */
    public int longestMillis() {
        return (int) longestMillis;
    }

    public int observed() {
        return observed;
    }
}
