package io.switchboard.telephony.twilio.media;

/**
 * A Media Streams frame that cannot be understood. The message names the problem (never the audio or a DTMF digit)
 * so it can be logged as is; the connection that sent it decides whether to carry on.
 */
public final class MediaStreamException extends Exception {

    /** Why a frame was refused. */
    public enum Reason {
        /** Not JSON, not a JSON object, or trailing content after the object. */
        MALFORMED_JSON,
        /** The frame exceeds the configured size before any parsing. */
        FRAME_TOO_LARGE,
        /** No {@code event} field, or an event this protocol version does not define. */
        UNKNOWN_EVENT,
        /** A field the event requires is absent. */
        MISSING_FIELD,
        /** A field is present but has the wrong type or an impossible value (bad base64, non-numeric timestamp...). */
        INVALID_FIELD,
        /** The decoded media payload does not fit in the caller's buffer. */
        PAYLOAD_TOO_LARGE
    }

    private final Reason reason;

    public MediaStreamException(Reason reason, String message) {
        this(reason, message, null);
    }

    public MediaStreamException(Reason reason, String message, Throwable cause) {
        // No stack trace: a hostile peer can send thousands of bad frames, and the reason says all there is to say.
        super(reason + ": " + message, cause, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
