package io.switchboard.dialog.safety;

import io.switchboard.models.SafetyRule;

import java.util.List;
import java.util.Optional;

/**
 * Recognises a danger a caller describes, by meaning: which of the profile's safety rules (if any) the words report.
 * The rules-based {@link SignMatcher} is first; a semantic layer (sentence embeddings) can implement this too and be
 * chained after it with {@link #orElse}, so a wording no sign covers is still caught.
 */
@FunctionalInterface
public interface SafetyRecognizer {

    /**
     * @param said  what the caller said or typed, as given
     * @param rules the profile's safety rules, in the profile's order
     * @return the rule the words report, or empty
     */
    Optional<SafetyRule> recognise(String said, List<SafetyRule> rules);

    /** This recogniser, and {@code next} where this one finds nothing. */
    default SafetyRecognizer orElse(SafetyRecognizer next) {
        return (said, rules) -> {
            Optional<SafetyRule> first = recognise(said, rules);
            return first.isPresent() ? first : next.recognise(said, rules);
        };
    }
}
