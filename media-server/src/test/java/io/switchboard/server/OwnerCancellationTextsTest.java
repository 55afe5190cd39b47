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

class OwnerCancellationTextsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final OutboundMessenger messenger = (channel, to, text) -> {
        sent.add(channel + " " + to + " " + text);
        return CompletableFuture.completedFuture(SendResult.sent("SM1", 1));
    };

    @Test
    void theCustomerIsToldOnTheChannelTheyBookedOn() {
        new OwnerCancellationTexts(Optional.of(messenger), "Bristol Plumbing", LONDON)
                .accept(appointment(Channel.WHATSAPP));
        new OwnerCancellationTexts(Optional.of(messenger), "Bristol Plumbing", LONDON)
                .accept(appointment(Channel.VOICE));

        assertThat(sent).containsExactly(
                "WHATSAPP +447700900123 Bristol Plumbing: sorry, your appointment on Tuesday 24 November at 10:00 "
                        + "has had to be cancelled. Reply to this message to book another time.",
                "SMS +447700900123 Bristol Plumbing: sorry, your appointment on Tuesday 24 November at 10:00 "
                        + "has had to be cancelled. Reply to this message to book another time.");
    }

    @Test
    void nothingIsSentWhenTextingIsOff() {
        new OwnerCancellationTexts(Optional.empty(), "Bristol Plumbing", LONDON).accept(appointment(Channel.SMS));
        assertThat(sent).isEmpty();
    }

    private static Appointment appointment(Channel channel) {
        TimeSlot slot = TimeSlot.of(ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, LONDON), Duration.ofMinutes(90));
        return new Appointment(UUID.randomUUID(), "drain-cleaning", slot, AppointmentStatus.CANCELLED,
                new Customer("+447700900123", "Sarah Donnelly", "1 Test Street"), "1 Test Street", "drain", false,
                channel, Instant.parse("2026-11-23T09:00:00Z"));
    }
}
