package io.switchboard.models.settings;

import java.util.Objects;

/**
 * One unusable setting: the key at fault and what is wrong with it, never a secret's value.
 *
 * @param key     the variable (or file key), e.g. {@code SWITCHBOARD_HTTP_PORT}
 * @param problem what is wrong and what would be accepted
 */
public record SettingsProblem(String key, String problem) {

    public SettingsProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return key + ": " + problem;
    }
}
