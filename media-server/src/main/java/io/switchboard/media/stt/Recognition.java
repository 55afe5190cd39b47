package io.switchboard.media.stt;

import java.util.List;
import java.util.Objects;

/**
 * One finished turn of recognition: what was most likely said in the light of what was asked, the open pass's
 * n-best list behind it, and which pass produced the chosen text.
 *
 * @param text         the chosen transcript (lower case, may be empty)
 * @param alternatives the open pass's hypotheses, best first (the first is the open pass's own choice); empty when
 *                     nothing was heard
 * @param pass         which pass produced {@code text}
 * @param certainty    how sure the pass was, in its own terms: for the open passes the lead of the best
 *                     hypothesis's score over the runner-up's (Vosk's n-best scores are unscaled, so only the gap
 *                     says anything; infinite when there was no runner-up); for the grammar pass its lowest word
 *                     confidence, 0..1; NaN when the engine gives no measure
 */
public record Recognition(String text, List<Alternative> alternatives, Pass pass, double certainty) {

    /** Which decoding produced a turn's text. */
    public enum Pass {
        /** The open, streaming pass's best hypothesis. */
        OPEN,
        /** A lower-ranked hypothesis of the open pass: the best one that fits the expectation. */
        OPEN_ALTERNATIVE,
        /** The buffered turn decoded again under a grammar for the expectation. */
        GRAMMAR,
        /** The buffered turn transcribed again by Whisper (names, addresses). */
        WHISPER
    }

    /**
     * One hypothesis of the open pass.
     *
     * @param text  what it says
     * @param score Vosk's total score (unscaled: compare hypotheses of one turn only)
     */
    public record Alternative(String text, double score) {
        public Alternative {
            Objects.requireNonNull(text, "text");
        }
    }

    public static final Recognition NOTHING = new Recognition("", List.of(), Pass.OPEN, Double.NaN);

    public Recognition {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(pass, "pass");
        alternatives = List.copyOf(alternatives);
    }

    /** A transcript from an engine without alternatives. */
    public static Recognition of(String text) {
        return text.isEmpty() ? NOTHING
                : new Recognition(text, List.of(new Alternative(text, Double.NaN)), Pass.OPEN, Double.NaN);
    }

    /** The hypotheses' texts, best first, without repeats: what the dialog may weigh against its expectation. */
    public List<String> texts() {
        return alternatives.stream().map(Alternative::text).filter(t -> !t.isEmpty()).distinct().toList();
    }
}
