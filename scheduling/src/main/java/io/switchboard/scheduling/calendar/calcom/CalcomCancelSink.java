package io.switchboard.scheduling.calendar.calcom;

import io.switchboard.scheduling.calendar.CalendarChange;
import io.switchboard.scheduling.calendar.CalendarSink;

import java.util.Optional;

/**
 * Cancellations reach Cal.com through the calendar outbox, so one that fails (Cal.com down) is retried rather than
 * lost; once Cal.com has it, the kept slots are forgotten so the freed time is offered again. Bookings and moves need
 * nothing here: Cal.com accepted them before they were stored.
 */
public final class CalcomCancelSink implements CalendarSink {

    private final CalcomApi api;
    private final CalcomBookings bookings;
    private final CalcomSlotCache slots;

    public CalcomCancelSink(CalcomApi api, CalcomBookings bookings, CalcomSlotCache slots) {
        this.api = api;
        this.bookings = bookings;
        this.slots = slots;
    }

    @Override
    public void push(CalendarChange change) {
        if (!"CANCELLED".equals(change.kind())) {
            return;
        }
        Optional<String> uid = bookings.uidOf(change.appointmentId());
        // Cancelling a booking Cal.com already cancelled (the change came from its webhook) is answered as done.
        if (uid.isPresent()) {
            api.cancel(uid.get(), "cancelled with the receptionist");
            slots.forgetAll(); // the change names no day; cancellations are rare next to look-ups
        }
    }
}
