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

    /**
     * The receptionist could not complete the conversation and took a message instead: the owner should call the
     * caller back. Delivered to the owner by the channel adapters; carries only what the caller gave.
     *
     * @param callback the number to call back (E.164), or null when the caller gave none and the channel has none
     * @param name     the caller's name, or null
     * @param summary  what the caller wanted, as far as it was understood (service, day, their own words)
     * @param reason   why the conversation was handed off ({@code "no_progress"}, {@code "not_understood"})
     */
    record MessageForOwner(String callback, String name, String summary, String reason) implements DialogAction {
        public String type() {
            return "message_for_owner";
        }
    }

    /**
     * The owner was told (or it was attempted) that a caller wants a person: on the wire
     * {@code {"type":"notify_owner","reason":"asked_for_person","delivery":"queued"}}.
     *
     * @param reason   as {@link io.switchboard.dialog.HandOffNote#reason()}
     * @param delivery what the notifier did, {@link AlertReceipt#wireName()}: {@code queued} (a text to the owner is
     *                 on its way), {@code recorded} (in the owner's message list only), {@code not_configured},
     *                 {@code failed}
     */
    record NotifyOwner(String reason, String delivery) implements DialogAction {
        public String type() {
            return "notify_owner";
        }
    }

    /**
     * A live call is to be put through to the owner's transfer number once the reply has been spoken (voice only);
     * the number stays server-side.
     */
    record TransferCall() implements DialogAction {
        public String type() {
            return "transfer_call";
        }
    }

    /**
     * Speech failed for something a text spells better (a name, an address): the conversation carries on by SMS.
     * The channel adapters text {@code text} to {@code phone}; the caller's reply lands in the same conversation,
     * which the engine has already handed to that number's SMS session.
     */
    record ContinuesByText(String phone, String text) implements DialogAction {
        public String type() {
            return "continues_by_text";
        }
    }

    /** The conversation is over; a voice call may hang up after the reply. */
    record EndConversation() implements DialogAction {
        public String type() {
            return "end";
        }
    }
}
