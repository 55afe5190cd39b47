package io.switchboard.telephony.whatsapp;

import java.time.Instant;

/** A {@code type: "text"} message: what the dialog engine can read. */
public record WhatsAppTextMessage(
        String messageId,
        String fromE164,
        Instant timestamp,
        String profileName,
        String businessPhoneNumberId,
        String text) implements WhatsAppInboundMessage {
}
