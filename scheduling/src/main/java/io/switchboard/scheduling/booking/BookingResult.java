package io.switchboard.scheduling.booking;

import io.switchboard.models.Appointment;
import io.switchboard.models.TimeSlot;

import java.util.List;

/** The outcome of a booking, reschedule or cancellation. */
public sealed interface BookingResult {

    /**
     * The change is stored (or was already).
     *
     * @param replayed true when nothing new was written: an idempotent retry, a reschedule to the same time,
     *                 a second cancellation
     */
    record Success(Appointment appointment, boolean replayed) implements BookingResult {
    }

    /** Someone else holds an overlapping slot; {@code alternatives} are the nearest open ones. */
    record SlotTaken(List<TimeSlot> alternatives) implements BookingResult {
        public SlotTaken {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** The request breaks a rule; {@code message} is safe to log and to show to an operator. */
    record Rejected(BookingError error, String message) implements BookingResult {
    }

    default boolean succeeded() {
        return this instanceof Success;
    }
}
