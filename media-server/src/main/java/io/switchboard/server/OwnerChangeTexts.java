package io.switchboard.server;

import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.calendar.calcom.CalcomChanges;
import io.switchboard.telephony.outbound.OutboundMessenger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Texts the customer when the owner changed their booking in the calendar (Cal.com): cancelled it, or moved it to
 * another time. On the channel they booked on when that is a text channel, SMS otherwise; nothing is sent when
 * texting is off or the booking has no number.
 */
final class OwnerChangeTexts implements CalcomChanges {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerChangeTexts.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);

    private final Optional<OutboundMessenger> messenger;
    private final String businessName;
    private final ZoneId zone;

    OwnerChangeTexts(Optional<OutboundMessenger> messenger, String businessName, ZoneId zone) {
        this.messenger = messenger;
        this.businessName = businessName;
        this.zone = zone;
    }

    @Override
    public void cancelled(Appointment a) {
        send(a, cancellationText(a), "cancelled");
    }

    @Override
    public void moved(Appointment before, Appointment after) {
        send(after, moveText(before, after), "moved");
    }

    String cancellationText(Appointment a) {
        return businessName + ": sorry, your appointment on " + when(a)
                + " has had to be cancelled. Reply to this message to book another time.";
    }

    String moveText(Appointment before, Appointment after) {
        return businessName + ": your appointment on " + when(before) + " has moved to " + when(after)
                + ". Reply to this message if that time does not suit.";
    }

    private void send(Appointment a, String text, String change) {
        if (messenger.isEmpty() || a.customer().phone() == null || a.customer().phone().isBlank()) {
            return;
        }
        Channel channel = a.channel() == Channel.WHATSAPP ? Channel.WHATSAPP : Channel.SMS;
        messenger.get().send(channel, a.customer().phone(), text).whenComplete((result, error) -> {
            if (error != null) {
                LOG.warn("could not text the customer of {} appointment {}: {}", change, a.id(), error.toString());
            }
        });
    }

    private String when(Appointment a) {
        return a.slot().start().withZoneSameInstant(zone).format(WHEN);
    }
}
