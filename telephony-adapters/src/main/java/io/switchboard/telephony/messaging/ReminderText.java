package io.switchboard.telephony.messaging;

import io.switchboard.models.Appointment;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.ServiceType;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The day-before reminder: business, service, the time and (when the job is at the customer's) the address. */
final class ReminderText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);

    private final BusinessProfile profile;

    ReminderText(BusinessProfile profile) {
        this.profile = profile;
    }

    String of(Appointment a) {
        String service = profile.service(a.serviceId()).map(ServiceType::name).orElse("appointment");
        String address = a.address() == null ? "" : a.address().strip();
        return profile.name() + ": a reminder of your " + service + " tomorrow, "
                + a.slot().start().withZoneSameInstant(profile.timezone()).format(WHEN)
                + (address.isEmpty() ? "" : ", at " + address) + "."
                + " Reply CANCEL to cancel, or tell us if you need to move it.";
    }
}
