package io.switchboard.server;

import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.models.Customer;
import io.switchboard.models.TimeSlot;
import io.switchboard.telephony.outbound.OutboundMessenger;
import io.switchboard.telephony.outbound.SendResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The texts a customer gets when the owner cancels or moves their booking in the calendar. */
class OwnerChangeTextsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final OutboundMessenger messenger = (channel, to, text) -> {
        sent.add(channel + " " + to + " " + text);
        return CompletableFuture.completedFuture(SendResult.sent("SM1", 1));
    };

    @Test
    void theCustomerIsToldOfACancellationOnTheChannelTheyBookedOn() {
        new OwnerChangeTexts(Optional.of(messenger), "Bristol Plumbing", LONDON)
                .cancelled(appointment(Channel.WHATSAPP, 10));
        new OwnerChangeTexts(Optional.of(messenger), "Bristol Plumbing", LONDON)
                .cancelled(appointment(Channel.VOICE, 10));

        assertThat(sent).containsExactly(
                "WHATSAPP +447700900123 Bristol Plumbing: sorry, your appointment on Tuesday 24 November at 10:00 "
                        + "has had to be cancelled. Reply to this message to book another time.",
                "SMS +447700900123 Bristol Plumbing: sorry, your appointment on Tuesday 24 November at 10:00 "
                        + "has had to be cancelled. Reply to this message to book another time.");
    }

    @Test
    void theCustomerIsToldTheOldAndNewTimeOnTheirTextChannel() {
        new OwnerChangeTexts(Optional.of(messenger), "Bristol Plumbing", LONDON)
                .moved(appointment(Channel.VOICE, 10), appointment(Channel.VOICE, 14));

        assertThat(sent).containsExactly("SMS +447700900123 Bristol Plumbing: your appointment on Tuesday 24 November"
                + " at 10:00 has moved to Tuesday 24 November at 14:00. Reply to this message if that time does not suit.");
    }

    @Test
    void nothingIsSentWhenTextingIsOff() {
        new OwnerChangeTexts(Optional.empty(), "Bristol Plumbing", LONDON).cancelled(appointment(Channel.SMS, 10));
        new OwnerChangeTexts(Optional.empty(), "Bristol Plumbing", LONDON)
                .moved(appointment(Channel.SMS, 10), appointment(Channel.SMS, 14));
        assertThat(sent).isEmpty();
    }

    private static Appointment appointment(Channel channel, int hour) {
        TimeSlot slot = TimeSlot.of(ZonedDateTime.of(2026, 11, 24, hour, 0, 0, 0, LONDON), Duration.ofMinutes(90));
        return new Appointment(UUID.randomUUID(), "drain-cleaning", slot, AppointmentStatus.BOOKED,
                new Customer("+447700900123", "Sarah Donnelly", "1 Test Street"), "1 Test Street", "drain", false,
                channel, Instant.parse("2026-11-23T09:00:00Z"));
    }
}
