package io.switchboard.telephony.whatsapp;

import java.time.Instant;

/**
 * One user message from a WhatsApp Cloud API webhook. {@code fromE164} is the sender's WhatsApp id with a leading
 * {@code +}; {@code profileName} and {@code businessPhoneNumberId} (the receiving number, which replies must be sent
 * from) may be null when Meta omits them.
 */
public sealed interface WhatsAppInboundMessage permits WhatsAppTextMessage, WhatsAppNonTextMessage {

    /** Meta's {@code wamid...} id, unique per message: the deduplication key. */
    String messageId();

    String fromE164();

    Instant timestamp();

    String profileName();

    String businessPhoneNumberId();
}
