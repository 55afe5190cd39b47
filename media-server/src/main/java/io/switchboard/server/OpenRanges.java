package io.switchboard.server;

import io.switchboard.models.ServiceType;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.Scheduling;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Today's open ranges of a service in words, for start-up logs and the {@code profile} command. */
public final class OpenRanges {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private OpenRanges() {
    }

    /** The business's current local date by its clock. */
    public static LocalDate today(Scheduling scheduling) {
        return LocalDate.now(scheduling.clock().withZone(scheduling.profile().timezone()));
    }

    /** {@code "09:00-12:00, 13:30-18:00"}, or {@code "no openings"}. Reads the database. */
    public static String describe(Scheduling scheduling, ServiceType service, LocalDate day) {
        List<TimeSlot> ranges = scheduling.availability().openRanges(service.id(), day);
        if (ranges.isEmpty()) {
            return "no openings";
        }
        return ranges.stream()
                .map(r -> HH_MM.format(r.start()) + "-" + HH_MM.format(r.end()))
                .collect(Collectors.joining(", "));
    }
}
