package io.switchboard.telephony.outbound;

import java.util.Objects;

/**
 * Outcome of one {@link OutboundMessenger#send}. {@code providerMessageId} (Twilio {@code SM...} or WhatsApp
 * {@code wamid...}) is set only when sent; {@code attempts} counts provider calls made (0 if refused up front);
 * {@code detail} is a short, PII-free explanation for logs.
 */
public record SendResult(SendOutcome outcome, String providerMessageId, int attempts, String detail) {

    public SendResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    public static SendResult sent(String providerMessageId, int attempts) {
        return new SendResult(SendOutcome.SENT, providerMessageId, attempts, "sent");
    }

    public static SendResult notSent(SendOutcome outcome, int attempts, String detail) {
        return new SendResult(outcome, null, attempts, detail);
    }

    public boolean isSent() {
        return outcome == SendOutcome.SENT;
    }
}
