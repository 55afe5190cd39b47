package io.switchboard.models;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;

/** A half-open interval {@code [start, end)} in the business's time zone. */
public record TimeSlot(ZonedDateTime start, ZonedDateTime end) implements Comparable<TimeSlot> {

    public TimeSlot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("slot end " + end + " must be after start " + start);
        }
    }

    public static TimeSlot of(ZonedDateTime start, Duration length) {
        return new TimeSlot(start, start.plus(length));
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean overlaps(TimeSlot other) {
        return start.toInstant().isBefore(other.end.toInstant()) && other.start.toInstant().isBefore(end.toInstant());
    }

    public boolean contains(TimeSlot other) {
        return !other.start.toInstant().isBefore(start.toInstant()) && !other.end.toInstant().isAfter(end.toInstant());
    }

    @Override
    public int compareTo(TimeSlot o) {
        int c = start.toInstant().compareTo(o.start.toInstant());
        return c != 0 ? c : end.toInstant().compareTo(o.end.toInstant());
    }
}
