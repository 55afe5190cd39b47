package io.switchboard.telephony.outbound;

/** How an outbound message ended. */
public enum SendOutcome {
    /** The provider accepted the message. */
    SENT,
    /** Not attempted: this recipient has had too many messages recently. */
    RATE_LIMITED,
    /** Not deliverable as asked: bad number, empty or over-long text, no sender for the channel, or a 4xx refusal. */
    REJECTED,
    /** Transient failures (connection, 429, 5xx) outlasted every retry; the message may be tried again later. */
    FAILED
}
