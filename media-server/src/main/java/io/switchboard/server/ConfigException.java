package io.switchboard.server;

/** A configuration value Switchboard cannot start with; the message names the variable. */
public final class ConfigException extends RuntimeException {

    private final String variable;

    public ConfigException(String variable, String problem) {
        super(variable + ": " + problem);
        this.variable = variable;
    }

    public ConfigException(String variable, String problem, Throwable cause) {
        super(variable + ": " + problem, cause);
        this.variable = variable;
    }

    /** The environment variable (or config file key) at fault, e.g. {@code SWITCHBOARD_HTTP_PORT}. */
    public String variable() {
        return variable;
    }
}
