package io.switchboard.scheduling.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Start times an external calendar offers for a service (Cal.com's slots), intersected with our own rules: a slot
 * is offered only when both allow it.
 */
@FunctionalInterface
public interface SlotSource {

    /** No external calendar: our own rules alone decide. */
    SlotSource NONE = (serviceId, first, last) -> Optional.empty();

    /**
     * The starts the external calendar offers on local days {@code [first, last]}, or empty when it has no say
     * over this service (or cannot be reached, in which case the booking itself is still decided there).
     */
    Optional<Set<Instant>> openStarts(String serviceId, LocalDate first, LocalDate last);
}
