package io.switchboard.telephony.voice;

import java.time.Instant;
import java.util.Objects;

/**
 * A call the receptionist could not take.
 *
 * @param callSid     Twilio's call SID
 * @param callerPhone the caller's number in E.164, or null when withheld
 * @param reason      why it was missed ({@link #BUSY})
 * @param textedBack  whether the caller was texted that the business will call back
 * @param missedAt    when the call came in
 * @param message     for a message to call back ({@link #MESSAGE}): what the owner was told, caller words cleaned;
 *                    null for a call turned away
 * @param doneAt      when the owner ticked it off as called back, or null
 */
public record MissedCall(String callSid, String callerPhone, String reason, boolean textedBack, Instant missedAt,
                         String message, Instant doneAt) {

    /** Not yet ticked off. */
    public MissedCall(String callSid, String callerPhone, String reason, boolean textedBack, Instant missedAt,
                      String message) {
        this(callSid, callerPhone, reason, textedBack, missedAt, message, null);
    }

    /** Every line was busy. */
    public static final String BUSY = "busy";
    /** A caller asked for a person or to be called back, or the conversation got stuck: a message to call back. */
    public static final String MESSAGE = "message";

    /** A call turned away, without a message. */
    public MissedCall(String callSid, String callerPhone, String reason, boolean textedBack, Instant missedAt) {
        this(callSid, callerPhone, reason, textedBack, missedAt, null);
    }

    public MissedCall {
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(missedAt, "missedAt");
    }
}
