package io.switchboard.scheduling.calendar.google;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Our events' ids, derived from the appointment id so that a retried insert finds the event it already made.
 * Google wants 5–1024 characters of base32hex ({@code [0-9a-v]}); a lower-case UUID without hyphens is 32 hex
 * digits, which is a subset.
 */
public final class EventIds {

    private static final Pattern OURS = Pattern.compile("[0-9a-f]{32}");

    private EventIds() {
    }

    public static String of(UUID appointmentId) {
        return appointmentId.toString().replace("-", "");
    }

    /** The appointment an event id was derived from, when it has our shape. */
    public static Optional<UUID> appointmentOf(String eventId) {
        if (eventId == null || !OURS.matcher(eventId).matches()) {
            return Optional.empty();
        }
        String h = eventId;
        return Optional.of(UUID.fromString(h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16)
                + '-' + h.substring(16, 20) + '-' + h.substring(20)));
    }
}
