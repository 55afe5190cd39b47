package io.switchboard.server;

import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.calendar.google.OwnerCalendarChanges;
import io.switchboard.telephony.outbound.OutboundMessenger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The texts that follow what the owner did in their calendar: the customer hears of a cancelled or moved booking
 * (on the channel they booked on when it is a text channel, SMS otherwise); the owner hears, by SMS, of a move
 * Switchboard could not follow and of a busy event over a booking. The pull calls each once per change. Nothing is
 * sent when texting is off.
 */
final class OwnerCalendarTexts implements OwnerCalendarChanges {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerCalendarTexts.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.UK);
    private static final DateTimeFormatter LONG_WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);

    private final Optional<OutboundMessenger> messenger;
    private final OwnerChangeTexts cancellations;
    private final String businessName;
    private final Optional<String> ownerPhone;
    private final ZoneId zone;

    OwnerCalendarTexts(Optional<OutboundMessenger> messenger, String businessName, Optional<String> ownerPhone,
                       ZoneId zone) {
        this.messenger = messenger;
        this.cancellations = new OwnerChangeTexts(messenger, businessName, zone);
        this.businessName = businessName;
        this.ownerPhone = ownerPhone;
        this.zone = zone;
    }

    @Override
    public void cancelled(Appointment cancelled) {
        cancellations.cancelled(cancelled);
    }

    @Override
    public void moved(Appointment before, Appointment after) {
        if (after.customer().phone() == null || after.customer().phone().isBlank()) {
            return;
        }
        Channel channel = after.channel() == Channel.WHATSAPP ? Channel.WHATSAPP : Channel.SMS;
        send(channel, after.customer().phone(), movedText(before, after), after);
    }

    @Override
    public void moveRefused(Appointment booking, Instant wantedStart, String reason) {
        ownerPhone.ifPresent(owner -> send(Channel.SMS, owner, businessName + ": you moved " + who(booking)
                + "'s booking in your calendar to " + at(wantedStart) + ", but " + reason
                + ". The booking is still " + at(booking.slot().start().toInstant())
                + "; move the event back, or change the booking with the customer.", booking));
    }

    @Override
    public void overlaps(Appointment booking, Instant busyStart, Instant busyEnd) {
        ownerPhone.ifPresent(owner -> send(Channel.SMS, owner, businessName + ": your calendar is busy "
                + at(busyStart) + "–" + busyEnd.atZone(zone).toLocalTime() + ", over " + who(booking)
                + "'s booking " + at(booking.slot().start().toInstant())
                + ". Both are kept; move one of them if you need to (the customer has not been told).", booking));
    }

    String movedText(Appointment before, Appointment after) {
        return businessName + ": your appointment on " + before.slot().start().withZoneSameInstant(zone).format(LONG_WHEN)
                + " has been moved to " + after.slot().start().withZoneSameInstant(zone).format(LONG_WHEN)
                + ". Reply to this message if that time doesn't suit you.";
    }

    private String at(Instant t) {
        return t.atZone(zone).format(WHEN);
    }

    /** The customer's first name for the owner (their own customer; never the phone number in a log). */
    private static String who(Appointment a) {
        String name = a.customer().name() == null ? "" : a.customer().name().strip();
        return name.isEmpty() ? "a customer" : name.split("\\s+")[0];
    }

    private void send(Channel channel, String to, String text, Appointment about) {
        if (messenger.isEmpty()) {
            return;
        }
        messenger.get().send(channel, to, text).whenComplete((result, error) -> {
            if (error != null || (result != null && !result.isSent())) {
                LOG.warn("calendar text about appointment {} not sent: {}", about.id(),
                        error != null ? error.toString() : result.detail());
            }
        });
    }
}
