package io.switchboard.telephony.http;

/** Input the API refuses; the message is shown to the client as is, so it never echoes what was sent. */
public final class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message, null, false, false);
    }
}
