package io.switchboard.scheduling.availability;

import java.time.Instant;

/** A booked job as the calendar sees it: {@code [start, blockedUntil)} including the buffer after it. */
public record BusyTime(Instant start, Instant blockedUntil) {

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(blockedUntil);
    }
}
