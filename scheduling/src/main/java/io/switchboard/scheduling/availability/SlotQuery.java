package io.switchboard.scheduling.availability;

import io.switchboard.models.PartOfDay;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

/**
 * What a caller asked for. Every field but the service is optional (null): no dates means "from today",
 * a {@code preferred} time sorts the answer by closeness to it instead of chronologically.
 *
 * @param serviceId  which service (decides the duration)
 * @param from       first local date to search (inclusive)
 * @param to         last local date to search (inclusive)
 * @param partOfDay  morning / afternoon / evening
 * @param notBefore  earliest local start time
 * @param notAfter   latest local start time
 * @param preferred  the start the caller asked for, if any
 * @param limit      at most this many slots
 */
public record SlotQuery(String serviceId, LocalDate from, LocalDate to, PartOfDay partOfDay, LocalTime notBefore,
                        LocalTime notAfter, LocalDateTime preferred, int limit) {

    public SlotQuery {
        Objects.requireNonNull(serviceId, "serviceId");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("search range ends before it starts");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    public static SlotQuery on(String serviceId, LocalDate day, int limit) {
        return new SlotQuery(serviceId, day, day, null, null, null, null, limit);
    }

    public static SlotQuery from(String serviceId, LocalDate day, int limit) {
        return new SlotQuery(serviceId, day, null, null, null, null, null, limit);
    }

    public SlotQuery withPartOfDay(PartOfDay part) {
        return new SlotQuery(serviceId, from, to, part, notBefore, notAfter, preferred, limit);
    }

    public SlotQuery withPreferred(LocalDateTime at) {
        return new SlotQuery(serviceId, from, to, partOfDay, notBefore, notAfter, at, limit);
    }

    public SlotQuery between(LocalTime earliest, LocalTime latest) {
        return new SlotQuery(serviceId, from, to, partOfDay, earliest, latest, preferred, limit);
    }
}
