package io.switchboard.models;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a conversation takes place; replies are phrased per channel. Each channel declares what it proves about the
 * sender and how the business can reach them again, so the dialog and the adapters ask the channel rather than
 * naming one: a {@code SLACK} conversation is keyed by the Slack user, proves no phone number (as the public web chat
 * does not) and is answered in Slack itself.
 */
public enum Channel {
    VOICE(true, true, false),
    SMS(false, true, false),
    WHATSAPP(false, true, false),
    WEB(false, false, false),
    SLACK(false, false, true);

    private final boolean spoken;
    private final boolean provesSenderPhone;
    private final boolean reachesSenderItself;

    Channel(boolean spoken, boolean provesSenderPhone, boolean reachesSenderItself) {
        this.spoken = spoken;
        this.provesSenderPhone = provesSenderPhone;
        this.reachesSenderItself = reachesSenderItself;
    }

    /** The lower-case name used on the wire ({@code "sms"}, {@code "voice"}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isSpoken() {
        return spoken;
    }

    /**
     * Whether the provider proves the sender's phone number (a signed SMS, WhatsApp or voice webhook). Where it does
     * not (the web chat, Slack) a number the sender gives is only a claim until a one-time code proves it.
     */
    public boolean provesSenderPhone() {
        return provesSenderPhone;
    }

    /**
     * Whether a person at the business can answer the sender later on this channel by itself, without a phone number
     * (Slack: the staff reply to the user in Slack). Elsewhere a hand-off needs a number to call back.
     */
    public boolean reachesSenderItself() {
        return reachesSenderItself;
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
