package io.switchboard.scheduling.calendar.google;

import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import io.switchboard.scheduling.calendar.ImportedBusyTime.Block;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one of the owner's events blocks: nothing when it is cancelled, marked free ("transparent") or one of
 * ours (those are bookings already); its own span otherwise; a whole local day (or days) for an all-day event.
 */
final class EventBusyTime {

    private final ZoneId zone;

    EventBusyTime(ZoneId zone) {
        this.zone = zone;
    }

    List<Block> blocks(Event e) {
        if ("cancelled".equals(e.getStatus()) || "transparent".equals(e.getTransparency()) || isOurs(e)
                || e.getStart() == null || e.getEnd() == null) {
            return List.of();
        }
        EventDateTime start = e.getStart();
        EventDateTime end = e.getEnd();
        if (start.getDate() != null) {
            // All-day: Google's end date is exclusive; the day belongs to the business's time zone.
            Instant from = LocalDate.parse(start.getDate().toStringRfc3339()).atStartOfDay(zone).toInstant();
            Instant to = end.getDate() == null ? from.plusSeconds(86_400)
                    : LocalDate.parse(end.getDate().toStringRfc3339()).atStartOfDay(zone).toInstant();
            return to.isAfter(from) ? List.of(new Block(from, to, true)) : List.of();
        }
        if (start.getDateTime() == null || end.getDateTime() == null) {
            return List.of();
        }
        Instant from = Instant.ofEpochMilli(start.getDateTime().getValue());
        Instant to = Instant.ofEpochMilli(end.getDateTime().getValue());
        return to.isAfter(from) ? List.of(new Block(from, to, false)) : List.of();
    }

    /** Our events carry the appointment id as a private property. */
    static boolean isOurs(Event e) {
        return appointmentProperty(e).isPresent();
    }

    static Optional<String> appointmentProperty(Event e) {
        Event.ExtendedProperties p = e.getExtendedProperties();
        Map<String, String> priv = p == null ? null : p.getPrivate();
        return Optional.ofNullable(priv == null ? null : priv.get(AppointmentEvents.APPOINTMENT_PROPERTY));
    }
}
