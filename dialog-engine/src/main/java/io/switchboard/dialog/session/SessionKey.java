package io.switchboard.dialog.session;

import io.switchboard.models.Channel;
import io.switchboard.models.LogSafe;

import java.util.Objects;

/**
 * Identifies one conversation: a caller on a channel.
 *
 * @param channel where the conversation happens; the same caller on SMS and voice has two sessions
 * @param id      the caller's phone number (E.164) or a web session id
 */
public record SessionKey(Channel channel, String id) {

    /** Longest id accepted; real ids are phone numbers or UUID-like tokens. */
    public static final int MAX_ID_LENGTH = 128;

    public SessionKey {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("session id must not be blank");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("session id longer than " + MAX_ID_LENGTH + " characters");
        }
    }

    /** A stable, unambiguous string form ({@code "sms:+447700900123"}) for use as a storage key. */
    public String storageKey() {
        return channel.wireName() + ':' + id;
    }

    /**
     * Masks the id to its last characters: session keys end up in logs and ids are usually phone numbers. Web ids
     * come from clients, so what is shown is escaped: a line break in an id cannot forge a log line.
     */
    @Override
    public String toString() {
        int visible = Math.min(3, id.length() / 3);
        return "SessionKey[" + channel.wireName() + ":***" + LogSafe.escape(id.substring(id.length() - visible)) + "]";
    }
}
