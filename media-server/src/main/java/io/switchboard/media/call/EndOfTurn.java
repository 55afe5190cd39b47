package io.switchboard.media.call;

/**
 * The end-of-turn decision: has the caller finished? It weighs, into one score against a tunable threshold,
 *
 * <ul>
 *   <li>what the words say ({@link AnswerWords}): they answer the question asked (+0.5), the question is open (−0.1:
 *       a description or an address has pauses at its commas), or they do not answer it yet (−0.5);</li>
 *   <li>what the audio says ({@link ProsodyTracker}): the level fading out (up to +0.2) and the pitch falling (up to
 *       +0.2) over the last voiced frames;</li>
 *   <li>how long the pause is relative to this caller's own pauses ({@link CallerPauses}): a point per
 *       {@link EndOfTurnSettings#certainPauseMillis()} of quiet, stretched by the caller's habit.</li>
 * </ul>
 *
 * <p>Whatever the score, no turn ends inside a pause no longer than one this caller has just gone on after (their
 * longest recent pause plus {@link EndOfTurnSettings#pauseMarginMillis()}): a caller who leaves 140 ms between words
 * is not cut off by a 120 ms pause after words that happen to answer the question.
 *
 * With the defaults (threshold 1, a point per 400 ms): a complete answer ending in a fade and a falling voice ends
 * after the minimum 120 ms; a complete answer said flat after 200 ms; an open answer that fades and falls after
 * 280 ms, said flat after 440 ms; an incomplete one after 440 ms with a fade and a fall, flat only at the hard maximum
 * (the 550 ms hangover, as before). No
 * pause shorter than the minimum ends a turn and none longer than the maximum is waited out. Pure arithmetic over
 * primitives: nothing allocated, safe to run on every quiet frame.
 */
public final class EndOfTurn {

    static final double FADE_WEIGHT = 0.2;
    static final double FALL_WEIGHT = 0.2;

    private final EndOfTurnSettings settings;

    public EndOfTurn(EndOfTurnSettings settings) {
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
    }

    public EndOfTurnSettings settings() {
        return settings;
    }

    /** The score of the evidence; the turn ends at {@link EndOfTurnSettings#threshold()}. */
    public double score(AnswerWords words, double energyFall, double pitchFall, int pauseMillis, double callerScale) {
        double pause = pauseMillis / (settings.certainPauseMillis() * callerScale);
        return words.weight() + FADE_WEIGHT * energyFall + FALL_WEIGHT * pitchFall + pause;
    }

    /**
     * The shortest pause that may end a turn for this caller: the minimum, or a margin over the longest pause they
     * recently went on after, whichever is longer (the hard maximum still ends any turn).
     */
    public int shortestEnd(CallerPauses pauses) {
        return Math.max(settings.minPauseMillis(), pauses.longestMillis() + settings.pauseMarginMillis());
    }

    /** Whether the turn ends now, {@code pauseMillis} into the caller's pause. */
    public boolean ends(AnswerWords words, ProsodyTracker prosody, CallerPauses pauses, int pauseMillis) {
        if (pauseMillis >= settings.maxWaitMillis()) {
            return true;
        }
        if (pauseMillis < shortestEnd(pauses)) {
            return false;
        }
        return score(words, prosody.energyFall(), prosody.pitchFall(), pauseMillis, pauses.scale())
                >= settings.threshold();
    }
}
