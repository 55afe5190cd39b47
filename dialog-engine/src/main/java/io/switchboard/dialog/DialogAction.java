package io.switchboard.dialog;

import io.switchboard.models.Appointment;
import io.switchboard.models.TimeSlot;

/** Something a turn did beyond replying, for the channel adapters to act on (follow-up SMS, hang-up...). */
public sealed interface DialogAction {

    /** Short name used on the wire ({@code "booked"}, {@code "owner_notified"}...). */
    String type();

    record Booked(Appointment appointment) implements DialogAction {
        public String type() {
            return "booked";
        }
    }

    record Rescheduled(Appointment appointment, TimeSlot previous) implements DialogAction {
        public String type() {
            return "rescheduled";
        }
    }

    record Cancelled(Appointment appointment) implements DialogAction {
        public String type() {
            return "cancelled";
        }
    }

    /** The conversation was flagged as an emergency. */
    record EmergencyFlagged() implements DialogAction {
        public String type() {
            return "emergency_flagged";
        }
    }

    /** The owner was alerted through the {@link Notifier}. */
    record OwnerNotified() implements DialogAction {
        public String type() {
            return "owner_notified";
        }
    }

    /** The caller wants a person; {@code number} is where to reach one (the owner's phone). */
    record HandOff(String number) implements DialogAction {
        public String type() {
            return "hand_off";
        }
    }

    /** The conversation is over; a voice call may hang up after the reply. */
    record EndConversation() implements DialogAction {
        public String type() {
            return "end";
        }
    }
}
