package io.switchboard.telephony.whatsapp;

import java.time.Instant;

/**
 * Anything that is not plain text (image, audio, sticker, location, reaction, ...); {@code type} is Meta's type name
 * so the caller can answer politely that only text is understood.
 */
public record WhatsAppNonTextMessage(
        String messageId,
        String fromE164,
        Instant timestamp,
        String profileName,
        String businessPhoneNumberId,
        String type) implements WhatsAppInboundMessage {
}
