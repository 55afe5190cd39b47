package io.switchboard.telephony.messaging;

import io.switchboard.dialog.DialogAction;
import io.switchboard.models.Appointment;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.ServiceType;
import io.switchboard.models.TimeSlot;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The SMS confirmation of a booking change made on a call: written out in full (day, date, time, service, address)
 * because it is read later, away from the conversation, and it invites a reply, which the dialog engine takes up.
 */
public final class ConfirmationText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    /** Changes are announced to the booking's own number so a change made in someone else's name is noticed. */
    static final String NOT_YOU = "If this wasn't you, reply to this text or call this number and we'll put it right.";

    private final BusinessProfile profile;

    public ConfirmationText(BusinessProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    public String booked(DialogAction.Booked booked) {
        Appointment a = booked.appointment();
        return profile.name() + ": you're booked for " + service(a) + " on " + when(a.slot().start()) + at(a)
                + ". Reply to this text to change or cancel.";
    }

    public String rescheduled(DialogAction.Rescheduled moved) {
        Appointment a = moved.appointment();
        TimeSlot previous = moved.previous();
        return profile.name() + ": your " + service(a) + " has moved to " + when(a.slot().start())
                + (previous == null ? "" : " (was " + when(previous.start()) + ")") + at(a)
                + ". Reply to this text to change or cancel. " + NOT_YOU;
    }

    public String cancelled(DialogAction.Cancelled cancelled) {
        Appointment a = cancelled.appointment();
        return profile.name() + ": your " + service(a) + " on " + when(a.slot().start())
                + " is cancelled. Reply to this text if you'd like to book again. " + NOT_YOU;
    }

    private String service(Appointment a) {
        return profile.service(a.serviceId()).map(ServiceType::name).orElse(a.serviceId());
    }

    private String when(ZonedDateTime t) {
        ZonedDateTime local = t.withZoneSameInstant(profile.timezone());
        return local.format(DAY) + " at " + local.format(TIME);
    }

    private static String at(Appointment a) {
        String address = InboundText.clean(a.address());
        return address.isEmpty() ? "" : ", at " + address;
    }
}
