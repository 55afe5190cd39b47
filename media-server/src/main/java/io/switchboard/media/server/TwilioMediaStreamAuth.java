package io.switchboard.media.server;

import io.switchboard.telephony.twilio.TwilioSignatureVerifier;
import io.switchboard.telephony.twilio.TwimlResponses;
import io.switchboard.telephony.twilio.media.StartInfo;
import io.switchboard.telephony.voice.CallTokenCheck;
import io.switchboard.telephony.voice.CallTokens;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;

/**
 * Production {@link MediaStreamAuth}: Twilio's signature over the configured stream URL on the upgrade, then the
 * per-call token on {@code start}, checked and claimed once.
 *
 * <p>The signature is checked against the configured media URL (the one the TwiML gave Twilio), never a URL rebuilt
 * from the Host header a proxy passes on. It is the same for every call, so on its own a captured upgrade could be
 * replayed: the token is what ties a stream to one call. The token's HMAC and expiry are checked on the event loop
 * (cheap, and it keeps forgeries away from the database); only a genuine token reaches {@code claimOnce}, which
 * blocks and so runs on {@code blocking}.
 */
public final class TwilioMediaStreamAuth implements MediaStreamAuth {

    private final TwilioSignatureVerifier signatures;
    private final String mediaUrl;
    private final CallTokens tokens;
    private final Predicate<CallTokenCheck.Valid> claimOnce;
    private final Executor blocking;

    /**
     * @param claimOnce true the first time a call's token is presented, false after (e.g. UsedCallTokens::claim)
     * @param blocking  where {@code claimOnce} runs
     */
    public TwilioMediaStreamAuth(TwilioSignatureVerifier signatures, URI mediaUrl, CallTokens tokens,
                                 Predicate<CallTokenCheck.Valid> claimOnce, Executor blocking) {
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.mediaUrl = Objects.requireNonNull(mediaUrl, "mediaUrl").toString();
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.claimOnce = Objects.requireNonNull(claimOnce, "claimOnce");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
    }

    @Override
    public boolean upgradeSigned(String signature) {
        return signatures.isValidFor(mediaUrl, signature);
    }

    @Override
    public CompletableFuture<StreamAdmission> admit(StartInfo start) {
        Map<String, String> params = start.customParameters();
        String callSid = params.get(TwimlResponses.PARAM_CALL_SID);
        if (callSid == null || !callSid.equals(start.callSid())) {
            return refused("the token's CallSid is not the stream's call");
        }
        CallTokenCheck check = tokens.check(params.get(TwimlResponses.PARAM_TOKEN), callSid,
                params.get(TwimlResponses.PARAM_FROM));
        if (!(check instanceof CallTokenCheck.Valid valid)) {
            return refused(((CallTokenCheck.Invalid) check).reason());
        }
        try {
            return CompletableFuture.supplyAsync(() -> claimOnce.test(valid)
                    ? new StreamAdmission.Admitted(verified(start, valid))
                    : new StreamAdmission.Refused("token already used"), blocking);
        } catch (RejectedExecutionException e) {
            return refused("token check queue full");
        }
    }

    /** The start as the call sees it: caller ID from the token only; nothing else the client sent is trusted. */
    private static StartInfo verified(StartInfo start, CallTokenCheck.Valid token) {
        Map<String, String> params = new HashMap<>();
        params.put(TwimlResponses.PARAM_CALL_SID, token.callSid());
        if (!token.from().isEmpty()) {
            params.put(TwimlResponses.PARAM_FROM, token.from());
        }
        String to = start.customParameters().get(TwimlResponses.PARAM_TO);
        if (to != null) {
            params.put(TwimlResponses.PARAM_TO, to);
        }
        return new StartInfo(start.streamSid(), start.callSid(), start.accountSid(), start.tracks(), params,
                start.mediaFormat());
    }

    private static CompletableFuture<StreamAdmission> refused(String reason) {
        return CompletableFuture.completedFuture(new StreamAdmission.Refused(reason));
    }
}
