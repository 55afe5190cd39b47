package io.switchboard.telephony.messaging;

import io.switchboard.models.Channel;
import java.util.Objects;

/**
 * One inbound text message, provider-neutral. The text is cleaned on construction: control characters (which XML
 * and logs cannot carry) are dropped, line breaks become spaces, and it is cut at {@link #MAX_TEXT} chars without
 * splitting an emoji.
 *
 * @param messageId  the provider's unique id (Twilio MessageSid, WhatsApp wamid)
 * @param fromE164   the sender, normalised to E.164: the dialog session id
 * @param mediaCount attachments (pictures, voice notes); 0 for plain text
 */
public record InboundText(MessageProvider provider, String messageId, Channel channel, String fromE164, String text,
                          int mediaCount) {

    /** Twilio's limit for one (concatenated) SMS; longer input cannot come from a phone and is cut. */
    public static final int MAX_TEXT = 1600;
    public static final int MAX_MESSAGE_ID = 128;

    public InboundText {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(fromE164, "fromE164");
        if (!isUsableMessageId(messageId)) {
            throw new IllegalArgumentException("message id must be 1-" + MAX_MESSAGE_ID + " printable ASCII chars");
        }
        text = clean(text);
        mediaCount = Math.max(0, mediaCount);
    }

    public static boolean isUsableMessageId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_MESSAGE_ID) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    public boolean isMediaOnly() {
        return mediaCount > 0 && text.isBlank();
    }

    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_TEXT));
        for (int i = 0; i < raw.length() && out.length() < MAX_TEXT; i++) {
            char c = raw.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(c) && c != '\uFFFE' && c != '\uFFFF') {
                out.append(c);
            }
        }
        if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
            out.setLength(out.length() - 1);
        }
        return out.toString().strip();
    }
}
