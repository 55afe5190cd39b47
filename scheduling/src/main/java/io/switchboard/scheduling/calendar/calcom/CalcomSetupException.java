package io.switchboard.scheduling.calendar.calcom;

/** A Cal.com setting is missing or unusable; the message starts with the setting's name. */
public final class CalcomSetupException extends IllegalStateException {

    private final String setting;

    public CalcomSetupException(String setting, String problem, Throwable cause) {
        super(setting + ": " + problem, cause);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
