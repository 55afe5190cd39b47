package io.switchboard.scheduling.calendar.google;

import io.switchboard.models.Appointment;

import java.time.Instant;

/**
 * What a pull of the owner's calendar did to bookings, for the texts that follow (to the customer or the owner).
 * Called after the pull committed, on the pulling thread, once per change: never for a replay or a resync that
 * finds nothing new.
 */
public interface OwnerCalendarChanges {

    /** The owner deleted the booking's event: the booking is cancelled. */
    void cancelled(Appointment cancelled);

    /** The owner moved the booking's event: the booking moved with it. */
    void moved(Appointment before, Appointment after);

    /**
     * The owner moved the booking's event to a time the booking cannot take (outside hours, over another job):
     * the booking stays where it was.
     *
     * @param reason safe to show the owner
     */
    void moveRefused(Appointment booking, Instant wantedStart, String reason);

    /** A busy event of the owner's overlaps a booking; both are kept. */
    void overlaps(Appointment booking, Instant busyStart, Instant busyEnd);

    /** Hears nothing. */
    OwnerCalendarChanges NONE = new OwnerCalendarChanges() {
        @Override
        public void cancelled(Appointment cancelled) {
        }

        @Override
        public void moved(Appointment before, Appointment after) {
        }

        @Override
        public void moveRefused(Appointment booking, Instant wantedStart, String reason) {
        }

        @Override
        public void overlaps(Appointment booking, Instant busyStart, Instant busyEnd) {
        }
    };
}
