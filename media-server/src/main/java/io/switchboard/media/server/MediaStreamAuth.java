package io.switchboard.media.server;

import io.switchboard.telephony.twilio.media.StartInfo;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may stream a call to the media server. Two proofs are needed: the WebSocket upgrade must carry Twilio's
 * signature (so the peer is Twilio, or replays a Twilio request), and the {@code start} must carry the per-call token
 * the voice webhook minted (so the stream belongs to one live call, once). Both are checked before any call resource
 * is taken.
 */
public interface MediaStreamAuth {

    /** @param signature the upgrade request's {@code X-Twilio-Signature}, possibly null */
    boolean upgradeSigned(String signature);

    /**
     * Decides on a {@code start}. Called on the event loop: cheap checks may complete the future at once, anything
     * blocking (the single-use record) must complete it from another thread.
     */
    CompletableFuture<StreamAdmission> admit(StartInfo start);

    /**
     * No checks at all: every upgrade and every start is let in with the caller ID it claims. Local development and
     * tests that are not about authentication only; logs a warning when created.
     */
    static MediaStreamAuth unauthenticated() {
        LoggerFactory.getLogger(MediaStreamAuth.class).warn("!!! Media stream authentication is OFF: anyone who"
                + " reaches the media port can place fake calls as any caller ID. Development only;"
                + " set SWITCHBOARD_TWILIO_VERIFY=true in production !!!");
        return Unauthenticated.INSTANCE;
    }

    /** Refuses every stream: voice is on but Twilio is not configured, so no call can be proved. */
    static MediaStreamAuth refuseAll(String why) {
        Logger log = LoggerFactory.getLogger(MediaStreamAuth.class);
        log.warn("media streams will all be refused: {}", why);
        return new MediaStreamAuth() {
            @Override
            public boolean upgradeSigned(String signature) {
                return false;
            }

            @Override
            public CompletableFuture<StreamAdmission> admit(StartInfo start) {
                return CompletableFuture.completedFuture(new StreamAdmission.Refused(why));
            }
        };
    }

    /** See {@link #unauthenticated()}. */
    enum Unauthenticated implements MediaStreamAuth {
        INSTANCE;

        @Override
        public boolean upgradeSigned(String signature) {
            return true;
        }

        @Override
        public CompletableFuture<StreamAdmission> admit(StartInfo start) {
            return CompletableFuture.completedFuture(new StreamAdmission.Admitted(start));
        }
    }
}
