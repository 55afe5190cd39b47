package io.switchboard.server;

import io.switchboard.models.settings.SettingsSource;

import io.switchboard.scheduling.profile.BusinessMismatchException;

import java.util.Locale;

/**
 * {@value BusinessMismatchException#REBIND_SETTING}: whether a start may hand the database's bookings to the business
 * of a different profile. Off unless set to {@code true}; anything but {@code true}/{@code false} is a configuration
 * error, so a typo cannot quietly merge or refuse.
 */
final class RebindSetting {

    private RebindSetting() {
    }

    static boolean from(SettingsSource source) {
        String value = source.get(BusinessMismatchException.REBIND_SETTING);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(BusinessMismatchException.REBIND_SETTING, "must be true or false");
        };
    }
}
