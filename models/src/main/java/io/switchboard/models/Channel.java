package io.switchboard.models;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a conversation takes place; replies are phrased per channel. A {@code SLACK} conversation is keyed by the Slack
 * user and proves no phone number.
 */
public enum Channel {
    VOICE, SMS, WHATSAPP, WEB, SLACK;

    /** The lower-case name used on the wire ({@code "sms"}, {@code "voice"}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isSpoken() {
        return this == VOICE;
    }

    public static Optional<Channel> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Channel c : values()) {
            if (c.wireName().equalsIgnoreCase(value.trim())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
