package io.switchboard.scheduling.testing;

import io.switchboard.models.Appointment;
import io.switchboard.scheduling.calendar.google.OwnerCalendarChanges;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a calendar pull told its listener. */
public final class RecordedOwnerChanges implements OwnerCalendarChanges {

    public final List<Appointment> cancelled = new CopyOnWriteArrayList<>();
    public final List<Appointment> moved = new CopyOnWriteArrayList<>();
    public final List<String> refused = new CopyOnWriteArrayList<>();
    public final List<Appointment> overlapped = new CopyOnWriteArrayList<>();

    @Override
    public void cancelled(Appointment a) {
        cancelled.add(a);
    }

    @Override
    public void moved(Appointment before, Appointment after) {
        moved.add(after);
    }

    @Override
    public void moveRefused(Appointment booking, Instant wantedStart, String reason) {
        refused.add(booking.id() + " " + wantedStart + " " + reason);
    }

    @Override
    public void overlaps(Appointment booking, Instant busyStart, Instant busyEnd) {
        overlapped.add(booking);
    }
}
