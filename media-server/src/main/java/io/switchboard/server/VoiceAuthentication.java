package io.switchboard.server;

import io.switchboard.media.server.MediaStreamAuth;
import io.switchboard.media.server.TwilioMediaStreamAuth;
import io.switchboard.telephony.twilio.TwilioSignatureVerifier;
import io.switchboard.telephony.voice.CallTokenKey;
import io.switchboard.telephony.voice.CallTokens;
import io.switchboard.telephony.voice.TwilioVoiceSettings;
import io.switchboard.telephony.voice.UsedCallTokens;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;

/**
 * The voice path's proofs, shared by the voice webhook (mints the per-call token) and the media server (checks it and
 * Twilio's upgrade signature). The token key lives in the database, so every instance on it agrees.
 */
final class VoiceAuthentication implements AutoCloseable {

    /** A burst of genuine call starts waits here for its single-use insert; more than this is refused. */
    private static final int CLAIM_QUEUE = 256;

    private final Optional<TwilioVoiceSettings> settings;
    private final boolean verify;
    private final CallTokens tokens;
    private final UsedCallTokens used;
    private final ThreadPoolExecutor claims;

    private VoiceAuthentication(Optional<TwilioVoiceSettings> settings, boolean verify, CallTokens tokens,
                                UsedCallTokens used) {
        this.settings = settings;
        this.verify = verify;
        this.tokens = tokens;
        this.used = used;
        this.claims = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(CLAIM_QUEUE), r -> {
            Thread t = new Thread(r, "voice-token-claims");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Blocking (reads or creates the key): call at start-up.
     *
     * @param settings Twilio voice, when configured
     * @param verify   whether signatures and call tokens are checked at all
     */
    static VoiceAuthentication create(Optional<TwilioVoiceSettings> settings, boolean verify, DSLContext dsl,
                                      Clock clock) {
        CallTokens tokens = new CallTokens(CallTokenKey.loadOrCreate(dsl, clock), clock, CallTokens.DEFAULT_LIFETIME);
        return new VoiceAuthentication(settings, verify, tokens, new UsedCallTokens(dsl, clock));
    }

    CallTokens tokens() {
        return tokens;
    }

    /** What the media server lets in; logs loudly when that is everyone. */
    MediaStreamAuth mediaStreams() {
        if (!verify) {
            return MediaStreamAuth.unauthenticated();
        }
        if (settings.isEmpty() || settings.get().authToken() == null) {
            return MediaStreamAuth.refuseAll("set SWITCHBOARD_PUBLIC_URL (or SWITCHBOARD_MEDIA_URL) and"
                    + " TWILIO_AUTH_TOKEN, or SWITCHBOARD_TWILIO_VERIFY=false for local development");
        }
        TwilioVoiceSettings s = settings.get();
        return new TwilioMediaStreamAuth(new TwilioSignatureVerifier(s.authToken(), s.mediaStreamUrl()),
                s.mediaStreamUrl(), tokens, used::claim, claims);
    }

    @Override
    public void close() {
        claims.shutdown();
    }
}
