package io.switchboard.dialog.flow;

import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.booking.BookingService;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The diary writes a turn may make: book, move, cancel. A port of its own (the flows read through
 * {@link io.switchboard.scheduling.Scheduling}) so a previewed turn can be given one that refuses every write.
 */
interface Bookings {

    BookingResult book(BookingRequest request);

    BookingResult reschedule(UUID appointmentId, ZonedDateTime newStart, Actor actor);

    BookingResult cancel(UUID appointmentId, Actor actor);

    /** The real writes: the booking service's transactions (audit and outbox rows with each). */
    static Bookings of(BookingService service) {
        Objects.requireNonNull(service, "service");
        return new Bookings() {
            @Override
            public BookingResult book(BookingRequest request) {
                return service.book(request);
            }

            @Override
            public BookingResult reschedule(UUID appointmentId, ZonedDateTime newStart, Actor actor) {
                return service.reschedule(appointmentId, newStart, actor);
            }

            @Override
            public BookingResult cancel(UUID appointmentId, Actor actor) {
                return service.cancel(appointmentId, actor);
            }
        };
    }
}
