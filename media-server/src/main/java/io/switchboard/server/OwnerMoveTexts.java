package io.switchboard.server;

import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.telephony.outbound.OutboundMessenger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Texts the customer when the owner moved their booking in the calendar (Cal.com): on the channel they booked on
 * when that is a text channel, SMS otherwise. Nothing is sent when texting is off.
 */
final class OwnerMoveTexts {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerMoveTexts.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);

    private final Optional<OutboundMessenger> messenger;
    private final String businessName;
    private final ZoneId zone;

    OwnerMoveTexts(Optional<OutboundMessenger> messenger, String businessName, ZoneId zone) {
        this.messenger = messenger;
        this.businessName = businessName;
        this.zone = zone;
    }

    void moved(Appointment before, Appointment after) {
        if (messenger.isEmpty() || after.customer().phone() == null || after.customer().phone().isBlank()) {
            return;
        }
        Channel channel = after.channel() == Channel.WHATSAPP ? Channel.WHATSAPP : Channel.SMS;
        messenger.get().send(channel, after.customer().phone(), text(before, after)).whenComplete((result, error) -> {
            if (error != null) {
                LOG.warn("could not text the customer of moved appointment {}: {}", after.id(), error.toString());
            }
        });
    }

    String text(Appointment before, Appointment after) {
        return businessName + ": your appointment on " + before.slot().start().withZoneSameInstant(zone).format(WHEN)
                + " has moved to " + after.slot().start().withZoneSameInstant(zone).format(WHEN)
                + ". Reply to this message if that time does not suit.";
    }
}
