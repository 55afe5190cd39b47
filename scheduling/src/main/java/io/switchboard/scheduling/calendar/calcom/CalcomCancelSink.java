package io.switchboard.scheduling.calendar.calcom;

import io.switchboard.scheduling.calendar.CalendarChange;
import io.switchboard.scheduling.calendar.CalendarSink;

import java.util.Optional;

/**
 * Cancellations reach Cal.com through the calendar outbox, so one that fails (Cal.com down) is retried rather than
 * lost. Bookings and moves need nothing here: Cal.com accepted them before they were stored.
 */
public final class CalcomCancelSink implements CalendarSink {

    private final CalcomApi api;
    private final CalcomBookings bookings;

    public CalcomCancelSink(CalcomApi api, CalcomBookings bookings) {
        this.api = api;
        this.bookings = bookings;
    }

    @Override
    public void push(CalendarChange change) {
        if (!"CANCELLED".equals(change.kind())) {
            return;
        }
        Optional<String> uid = bookings.uidOf(change.appointmentId());
        // Cancelling a booking Cal.com already cancelled (the change came from its webhook) is answered as done.
        uid.ifPresent(u -> api.cancel(u, "cancelled with the receptionist"));
    }
}
