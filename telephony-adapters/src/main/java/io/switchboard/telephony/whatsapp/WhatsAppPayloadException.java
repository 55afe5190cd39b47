package io.switchboard.telephony.whatsapp;

/** A webhook body that is not a WhatsApp Business Account notification at all; the message is safe to log. */
public final class WhatsAppPayloadException extends Exception {

    public WhatsAppPayloadException(String message) {
        super(message);
    }

    public WhatsAppPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
