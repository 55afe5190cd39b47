package io.switchboard.telephony.messaging;

import java.util.Optional;

/**
 * What became of one inbound message.
 *
 * @param firstDelivery false when the provider had delivered this message id before and the stored answer was reused
 * @param replyText     the answer to send back, or null for none (opted-out number, STOP, ignored message)
 */
public record Handled(boolean firstDelivery, String replyText) {

    public Optional<String> reply() {
        return Optional.ofNullable(replyText);
    }
}
