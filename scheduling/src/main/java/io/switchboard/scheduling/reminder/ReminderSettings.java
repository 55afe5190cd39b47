package io.switchboard.scheduling.reminder;

import io.switchboard.models.settings.SettingsSource;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.Optional;

/**
 * When day-before reminders go out: {@code SWITCHBOARD_REMINDER_TIME} (local time in the business's zone, default
 * {@value #DEFAULT_TIME}; {@code off} turns them off). Whatever is configured, nothing is sent outside waking hours
 * ({@link #WAKING_FROM}–{@link #WAKING_UNTIL}): a reminder whose time has passed is sent later only while it is
 * still a waking hour of the day before.
 *
 * @param sendAt local time on the day before the booking
 */
public record ReminderSettings(LocalTime sendAt) {

    public static final String TIME = "SWITCHBOARD_REMINDER_TIME";
    public static final String DEFAULT_TIME = "18:00";
    public static final LocalTime WAKING_FROM = LocalTime.of(8, 0);
    public static final LocalTime WAKING_UNTIL = LocalTime.of(21, 0);

    public ReminderSettings {
        if (sendAt.isBefore(WAKING_FROM) || !sendAt.isBefore(WAKING_UNTIL)) {
            throw new IllegalArgumentException(TIME + ": " + sendAt + " is outside waking hours ("
                    + WAKING_FROM + "–" + WAKING_UNTIL + ")");
        }
    }

    /** True when {@code t} is a waking hour. */
    public static boolean waking(LocalTime t) {
        return !t.isBefore(WAKING_FROM) && t.isBefore(WAKING_UNTIL);
    }

    /**
     * @return empty when reminders are off
     * @throws IllegalArgumentException naming {@value #TIME} when the value is unusable
     */
    public static Optional<ReminderSettings> from(SettingsSource source) {
        String raw = source.getOrDefault(TIME, "").strip();
        if (raw.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReminderSettings(LocalTime.parse(raw.isEmpty() ? DEFAULT_TIME : raw)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(TIME + ": '" + raw + "' is not a time like 18:00 (or off)", e);
        }
    }
}
