package io.switchboard.scheduling.calendar.google;

/** Google Calendar sync cannot start; {@link #setting()} names the variable to fix. */
public final class GoogleCalendarSetupException extends IllegalStateException {

    private final String setting;

    public GoogleCalendarSetupException(String setting, String message, Throwable cause) {
        super(setting + ": " + message, cause);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
