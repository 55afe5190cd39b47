package io.switchboard.telephony.alerts;

import io.switchboard.models.Channel;
import java.time.Instant;

/**
 * One queued alert as stored: the caller-supplied fields are already cleaned ({@link UntrustedText#plain}).
 *
 * @param callerPhone E.164 as the channel gave it, or null when withheld
 */
public record PendingAlert(long id, Channel channel, String callerPhone, String callerName, String address,
                           String problem, Instant createdAt, int attempts) {

    /** Whether the channel proved the caller's number (a signed SMS, WhatsApp or voice webhook); web and Slack do not. */
    public boolean numberProven() {
        return channel.provesSenderPhone();
    }
}
