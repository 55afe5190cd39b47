package io.switchboard.models.settings;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One unusable setting: the key at fault and what is wrong with it, never a secret's value.
 *
 * @param key     the variable (or file key), e.g. {@code SWITCHBOARD_HTTP_PORT}
 * @param problem what is wrong and what would be accepted
 */
public record SettingsProblem(String key, String problem) {

    /** A message that starts with the variable it is about: {@code SWITCHBOARD_X must be ...} or {@code X: ...}. */
    private static final Pattern LEADING_KEY = Pattern.compile("([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?::\\s*|\\s+)(.+)",
            Pattern.DOTALL);

    public SettingsProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * The problem an exception's message describes: about the key it starts with, when it starts with one, or else
     * about {@code keys}, the keys the parser reads.
     */
    public static SettingsProblem fromMessage(String keys, String message) {
        String text = message == null ? "unusable value" : message;
        Matcher m = LEADING_KEY.matcher(text);
        return m.matches() ? new SettingsProblem(m.group(1), m.group(2)) : new SettingsProblem(keys, text);
    }

    @Override
    public String toString() {
        return key + ": " + problem;
    }
}
