package io.switchboard.models;

import java.time.LocalTime;

/** The loose windows callers use ("tomorrow morning"); bounds are local times, end exclusive. */
public enum PartOfDay {
    MORNING(LocalTime.of(0, 0), LocalTime.of(12, 0)),
    AFTERNOON(LocalTime.of(12, 0), LocalTime.of(17, 0)),
    EVENING(LocalTime.of(17, 0), LocalTime.MAX);

    private final LocalTime from;
    private final LocalTime until;

    PartOfDay(LocalTime from, LocalTime until) {
        this.from = from;
        this.until = until;
    }

    public LocalTime from() {
        return from;
    }

    /** Exclusive end; {@link LocalTime#MAX} for the evening. */
    public LocalTime until() {
        return until;
    }

    public boolean contains(LocalTime t) {
        return !t.isBefore(from) && (until == LocalTime.MAX || t.isBefore(until));
    }
}
