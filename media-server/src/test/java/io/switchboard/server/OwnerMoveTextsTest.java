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

class OwnerMoveTextsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final OutboundMessenger messenger = (channel, to, text) -> {
        sent.add(channel + " " + to + " " + text);
        return CompletableFuture.completedFuture(SendResult.sent("SM1", 1));
    };

    @Test
    void theCustomerIsToldTheOldAndNewTimeOnTheirTextChannel() {
        new OwnerMoveTexts(Optional.of(messenger), "Bristol Plumbing", LONDON)
                .moved(appointment(Channel.VOICE, 10), appointment(Channel.VOICE, 14));

        assertThat(sent).containsExactly("SMS +447700900123 Bristol Plumbing: your appointment on Tuesday 24 November"
                + " at 10:00 has moved to Tuesday 24 November at 14:00. Reply to this message if that time does not suit.");
    }

    @Test
    void nothingIsSentWhenTextingIsOff() {
        new OwnerMoveTexts(Optional.empty(), "Bristol Plumbing", LONDON)
                .moved(appointment(Channel.SMS, 10), appointment(Channel.SMS, 14));
        assertThat(sent).isEmpty();
    }

    private static Appointment appointment(Channel channel, int hour) {
        TimeSlot slot = TimeSlot.of(ZonedDateTime.of(2026, 11, 24, hour, 0, 0, 0, LONDON), Duration.ofMinutes(90));
        return new Appointment(UUID.fromString("00000000-0000-4000-8000-000000000001"), "drain-cleaning", slot,
                AppointmentStatus.BOOKED, new Customer("+447700900123", "Sarah Donnelly", "1 Test Street"),
                "1 Test Street", "drain", false, channel, Instant.parse("2026-11-23T09:00:00Z"));
    }
}
