package io.switchboard.media.call;

/**
 * Tuning of the {@link EndOfTurn} decision.
 *
 * @param threshold            score at which the caller's turn is taken as finished (higher waits longer)
 * @param minPauseMillis       no turn ends before the caller has been quiet this long, however sure the evidence
 * @param certainPauseMillis   a pause this long (scaled by the caller's own habit) is on its own a full point of score
 * @param maxWaitMillis        the hard maximum: a pause this long always ends the turn (VAD's hangover also ends it)
 * @param speculateAfterMillis after this much quiet the reply is prepared speculatively on the words so far; 0: never
 * @param pauseMarginMillis    no turn ends before the quiet is this much longer than the longest pause the caller
 *                             recently went on after ({@link CallerPauses#longestMillis()})
 */
public record EndOfTurnSettings(double threshold, int minPauseMillis, int certainPauseMillis, int maxWaitMillis,
                                int speculateAfterMillis, int pauseMarginMillis) {

    public static final double DEFAULT_THRESHOLD = 1.0;

    public EndOfTurnSettings {
        if (!(threshold > 0) || threshold > 3) {
            throw new IllegalArgumentException("end-of-turn threshold must be in (0, 3], was " + threshold);
        }
        if (minPauseMillis < 20 || certainPauseMillis < 20 || maxWaitMillis < minPauseMillis
                || speculateAfterMillis < 0 || pauseMarginMillis < 0) {
            throw new IllegalArgumentException("end-of-turn pauses out of range");
        }
    }

    /**
     * Threshold 1.0; at least 120 ms, and 40 ms more than the caller's longest recent pause; 400 ms of pause is a
     * point; never longer than 550 ms; speculate at 140 ms.
     */
    public static EndOfTurnSettings defaults() {
        return new EndOfTurnSettings(DEFAULT_THRESHOLD, 120, 400, VoiceSettings.DEFAULT_HANGOVER_MILLIS, 140, 40);
    }

    public EndOfTurnSettings withThreshold(double value) {
        return new EndOfTurnSettings(value, minPauseMillis, certainPauseMillis, maxWaitMillis, speculateAfterMillis,
                pauseMarginMillis);
    }

    public EndOfTurnSettings withMaxWaitMillis(int value) {
        return new EndOfTurnSettings(threshold, minPauseMillis, certainPauseMillis, value, speculateAfterMillis,
                pauseMarginMillis);
    }

    public EndOfTurnSettings withSpeculateAfterMillis(int value) {
        return new EndOfTurnSettings(threshold, minPauseMillis, certainPauseMillis, maxWaitMillis, value,
                pauseMarginMillis);
    }

    public EndOfTurnSettings withPauseMarginMillis(int value) {
        return new EndOfTurnSettings(threshold, minPauseMillis, certainPauseMillis, maxWaitMillis, speculateAfterMillis,
                value);
    }
}
