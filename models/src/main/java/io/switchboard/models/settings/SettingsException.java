package io.switchboard.models.settings;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Settings Switchboard cannot start with. The message lists every problem found, one per line, each naming its key;
 * a single problem reads {@code KEY: problem}.
 */
public class SettingsException extends IllegalArgumentException {

    private final List<SettingsProblem> problems;

    public SettingsException(List<SettingsProblem> problems) {
        this(problems, null);
    }

    public SettingsException(List<SettingsProblem> problems, Throwable cause) {
        super(message(problems), cause);
        this.problems = List.copyOf(problems);
    }

    public SettingsException(String key, String problem) {
        this(List.of(new SettingsProblem(key, problem)));
    }

    /** Every problem, in the order the settings were read. */
    public List<SettingsProblem> problems() {
        return problems;
    }

    /** The (first) key at fault. */
    public String key() {
        return problems.getFirst().key();
    }

    private static String message(List<SettingsProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a settings error needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.getFirst().toString();
        }
        return problems.size() + " settings are unusable:" + problems.stream().map(p -> "\n  " + p)
                .collect(Collectors.joining());
    }
}
