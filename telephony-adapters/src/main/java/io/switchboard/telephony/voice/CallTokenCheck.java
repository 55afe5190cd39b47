package io.switchboard.telephony.voice;

import java.time.Instant;

/** The outcome of checking a media stream's per-call token: what it proves, or why it proves nothing. */
public sealed interface CallTokenCheck {

    /**
     * The token was minted by this server for this call.
     *
     * @param callSid   the call it was minted for
     * @param from      the caller ID of the signed voice webhook; empty when the number was withheld
     * @param expiresAt after this instant the token is refused
     */
    record Valid(String callSid, String from, Instant expiresAt) implements CallTokenCheck {
    }

    /** @param reason for the log only (never sent to the peer) */
    record Invalid(String reason) implements CallTokenCheck {
    }
}
