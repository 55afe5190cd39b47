package io.switchboard.telephony.outbound;

import io.switchboard.models.Channel;
import java.util.concurrent.CompletionStage;

/**
 * Sends a text to a person on a messaging channel (SMS, WhatsApp). Never blocks the caller: delivery, retries and
 * back-off happen on the implementation's executor, and every outcome (including refusals) completes the stage
 * normally with a {@link SendResult}.
 */
public interface OutboundMessenger {

    CompletionStage<SendResult> send(Channel channel, String toE164, String text);
}
