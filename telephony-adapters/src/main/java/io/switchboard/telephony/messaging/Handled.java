package io.switchboard.telephony.messaging;

import java.util.Optional;

/**
 * What became of one inbound message.
 *
 * @param firstDelivery false when the provider had delivered this message id before and the stored answer was reused
 * @param replyText     the answer to send back, or null for none (opted-out number, STOP, ignored message)
 * @param recorded      false when the conversation failed and nothing was recorded: the reply is an apology, and a
 *                      later delivery of the same id would be processed afresh
 */
public record Handled(boolean firstDelivery, String replyText, boolean recorded) {

    public Handled(boolean firstDelivery, String replyText) {
        this(firstDelivery, replyText, true);
    }

    public Optional<String> reply() {
        return Optional.ofNullable(replyText);
    }
}
