package io.switchboard.telephony.outbound;

import io.switchboard.models.Channel;

/**
 * A provider client for one channel: a single blocking attempt, no retries (the messaging service owns retry and
 * rate-limit policy). Implementations must be thread-safe and must keep phone numbers and message text out of
 * {@link SendFailure} messages.
 */
public interface ChannelSender {

    Channel channel();

    /** Longest text the provider accepts in one message, in UTF-16 chars. */
    int maxTextLength();

    /**
     * @return the provider's id for the accepted message
     * @throws SendFailure if the provider did not accept it; {@link SendFailure#isTransient()} says whether retrying
     *                     can help
     */
    String send(String toE164, String text) throws SendFailure;
}
