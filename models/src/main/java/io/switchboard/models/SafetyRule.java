package io.switchboard.models;

import java.util.List;
import java.util.Objects;

/**
 * What a caller must be told before anything else when they describe a danger: the gas smell that means "leave the
 * property", the water through a ceiling that means "turn off the stopcock and the electrics". The owner writes the
 * advice once in the profile; the receptionist says it before any booking question and alerts the owner.
 *
 * @param id     short slug naming the rule ({@code "gas"}), for logs and the owner's alert
 * @param signs  phrases that describe the danger ({@code "smell of gas"}, {@code "carbon monoxide alarm"}); each is
 *               matched by its words in any order, by stem and with the common ways of saying them (see the dialog's
 *               safety recogniser), not as one fixed string
 * @param advice what to say, in plain words that read and speak well ("Please leave the property now...")
 */
public record SafetyRule(String id, List<String> signs, String advice) {

    public SafetyRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(advice, "advice");
        signs = signs == null ? List.of() : List.copyOf(signs);
        if (signs.isEmpty()) {
            throw new IllegalArgumentException("a safety rule needs at least one sign");
        }
        if (advice.isBlank()) {
            throw new IllegalArgumentException("a safety rule needs its advice");
        }
    }
}
