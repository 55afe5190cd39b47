package io.switchboard.telephony.messaging;

import java.util.Locale;

/** Who delivered an inbound message; part of the deduplication key, since message ids are only unique per provider. */
public enum MessageProvider {
    TWILIO, WHATSAPP, SLACK;

    /** The value stored in {@code processed_message.provider}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
