package io.switchboard.scheduling.booking;

import io.switchboard.models.Channel;

import java.util.Objects;

/**
 * Who asked for a change, as written to the audit log.
 *
 * @param channel   the channel the request came through
 * @param reference a non-secret reference such as a session id or "owner"; never a PIN or a token
 */
public record Actor(Channel channel, String reference) {

    public Actor {
        Objects.requireNonNull(channel, "channel");
        reference = reference == null || reference.isBlank() ? "unknown"
                : reference.length() > 120 ? reference.substring(0, 120) : reference;
    }
}
