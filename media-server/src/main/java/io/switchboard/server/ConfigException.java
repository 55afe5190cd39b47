package io.switchboard.server;

import io.switchboard.models.settings.SettingsException;
import io.switchboard.models.settings.SettingsProblem;

import java.util.List;

/** Configuration Switchboard cannot start with; the message names every variable at fault. */
public final class ConfigException extends SettingsException {

    public ConfigException(String variable, String problem) {
        super(variable, problem);
    }

    public ConfigException(String variable, String problem, Throwable cause) {
        super(List.of(new SettingsProblem(variable, problem)), cause);
    }

    /** Several problems, as one start-up error. */
    public ConfigException(List<SettingsProblem> problems) {
        super(problems);
    }

    /** All the problems of {@code gathered}, as one start-up error. */
    public ConfigException(SettingsException gathered) {
        super(gathered.problems());
    }

    /** The (first) environment variable or config file key at fault, e.g. {@code SWITCHBOARD_HTTP_PORT}. */
    public String variable() {
        return key();
    }
}
