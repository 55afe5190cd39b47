package io.switchboard.media.call;

/**
 * What the words so far say about the end of the turn, judged by the dialog's own answer check against what its last
 * reply asked for: they answer it, the question is open (a description, a name: words cannot tell), or they do not
 * answer it yet ("one two" of a four-digit PIN, "on the" of a day).
 */
public enum AnswerWords {
    COMPLETE(0.5),
    OPEN(-0.1),
    INCOMPLETE(-0.5);

    private final double weight;

    AnswerWords(double weight) {
        this.weight = weight;
    }

    /** This evidence's share of the {@link EndOfTurn} score. */
    double weight() {
        return weight;
    }
}
