package io.switchboard.telephony.whatsapp;

import java.util.List;

/**
 * What one webhook delivery contained: user messages in delivery order, how many delivery/read status updates were
 * ignored, and how many message entries were too broken to use (missing id, sender or timestamp).
 */
public record WhatsAppWebhookBatch(List<WhatsAppInboundMessage> messages, int ignoredStatuses, int skippedMessages) {

    public WhatsAppWebhookBatch {
        messages = List.copyOf(messages);
    }
}
