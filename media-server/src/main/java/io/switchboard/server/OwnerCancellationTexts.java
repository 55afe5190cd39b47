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
import java.util.function.Consumer;

/**
 * Texts the customer when the owner cancelled their booking by deleting it from their calendar: on the channel
 * they booked on when that is a text channel, SMS otherwise. Nothing is sent when texting is off.
 */
final class OwnerCancellationTexts implements Consumer<Appointment> {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerCancellationTexts.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);

    private final Optional<OutboundMessenger> messenger;
    private final String businessName;
    private final ZoneId zone;

    OwnerCancellationTexts(Optional<OutboundMessenger> messenger, String businessName, ZoneId zone) {
        this.messenger = messenger;
        this.businessName = businessName;
        this.zone = zone;
    }

    @Override
    public void accept(Appointment a) {
        if (messenger.isEmpty() || a.customer().phone() == null || a.customer().phone().isBlank()) {
            return;
        }
        Channel channel = a.channel() == Channel.WHATSAPP ? Channel.WHATSAPP : Channel.SMS;
        messenger.get().send(channel, a.customer().phone(), text(a)).whenComplete((result, error) -> {
            if (error != null) {
                LOG.warn("could not text the customer of cancelled appointment {}: {}", a.id(), error.toString());
            }
        });
    }

    String text(Appointment a) {
        return businessName + ": sorry, your appointment on " + a.slot().start().withZoneSameInstant(zone).format(WHEN)
                + " has had to be cancelled. Reply to this message to book another time.";
    }
}
