package io.switchboard.scheduling.booking;

import io.switchboard.models.Appointment;
import org.jooq.DSLContext;

import java.util.UUID;

/**
 * An external calendar that decides slots synchronously (Cal.com), consulted by {@link BookingService} before it
 * stores a booking or a move. PostgreSQL stays the record: when the external calendar accepted but our transaction
 * then failed, {@link BookingService} calls {@link #undo} or {@link #undoMove} so the two do not drift apart.
 * Every method may block on the network; implementations bound it with timeouts.
 */
public interface SlotAuthority {

    /** No external calendar: every slot is ours to give. */
    SlotAuthority NONE = new SlotAuthority() {
        @Override
        public Hold hold(Appointment appointment) {
            return Hold.NotNeeded.INSTANCE;
        }

        @Override
        public Hold move(Appointment current, Appointment moved) {
            return Hold.NotNeeded.INSTANCE;
        }

        @Override
        public void recorded(DSLContext tx, UUID appointmentId, String reference) {
        }

        @Override
        public void undo(Appointment appointment, String reference) {
        }

        @Override
        public void undoMove(Appointment moved, Appointment original, String reference) {
        }
    };

    /** Books {@code appointment} in the external calendar. */
    Hold hold(Appointment appointment);

    /** Moves the external booking of {@code current} to {@code moved}'s slot. */
    Hold move(Appointment current, Appointment moved);

    /** Stores the external reference against the appointment, inside our transaction. */
    void recorded(DSLContext tx, UUID appointmentId, String reference);

    /** Compensation: our transaction failed after {@link #hold} succeeded, so the external booking is cancelled. */
    void undo(Appointment appointment, String reference);

    /** Compensation: our transaction failed after {@link #move} succeeded, so the external booking moves back. */
    void undoMove(Appointment moved, Appointment original, String reference);

    /** The external calendar's answer. */
    sealed interface Hold {
        /** Booked (or moved) there; {@code reference} names the external booking from now on. */
        record Held(String reference) implements Hold {
        }

        /** The external calendar refused the slot: someone else just took it, or it is not offered there. */
        record Refused() implements Hold {
        }

        /** The external calendar does not handle this service. */
        enum NotNeeded implements Hold { INSTANCE }
    }
}
