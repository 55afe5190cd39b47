package io.switchboard.telephony.voice;

import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.twilio.TwilioSignatureVerifier;
import io.switchboard.telephony.twilio.TwimlResponses;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.switchboard.telephony.http.BodyLimit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /twilio/voice}: Twilio's incoming-call webhook. Checks the {@code X-Twilio-Signature} (an HMAC, cheap
 * enough for the event loop) and answers TwiML {@code <Connect><Stream>} pointing Twilio at the media WebSocket, with
 * the call's SID and numbers as stream parameters, plus a per-call token ({@link CallTokens}) over CallSid and From
 * that the media server checks before it takes the call. Forged or unsigned requests get 403 and nothing else.
 */
public final class TwilioVoiceWebhook implements Handler<RoutingContext> {

    public static final String PATH = "/twilio/voice";
    /** Twilio's voice webhook is a couple of KiB of form fields. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(TwilioVoiceWebhook.class);
    private static final String TWIML = "text/xml; charset=utf-8";

    private final TwimlResponses twiml;
    private final TwilioSignatureVerifier verifier;
    private final CallTokens tokens;

    /**
     * @param twiml    builds the answer (knows the media WebSocket URL)
     * @param verifier checks signatures; null only when checks are switched off for local development
     * @param tokens   mints the per-call stream token
     */
    public TwilioVoiceWebhook(TwimlResponses twiml, TwilioSignatureVerifier verifier, CallTokens tokens) {
        this.twiml = Objects.requireNonNull(twiml, "twiml");
        this.verifier = verifier;
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        if (verifier == null) {
            LOG.warn("!!! Twilio signature verification is OFF for {}: anyone can place fake calls."
                    + " Development only; set SWITCHBOARD_TWILIO_VERIFY=true in production !!!", PATH);
        }
    }

    public static TwilioVoiceWebhook create(TwilioVoiceSettings settings, CallTokens tokens) {
        TwilioSignatureVerifier verifier = settings.verifySignatures()
                ? new TwilioSignatureVerifier(settings.authToken(), settings.publicBaseUrl()) : null;
        return new TwilioVoiceWebhook(new TwimlResponses(settings.mediaStreamUrl()), verifier, tokens);
    }

    /** Adds {@code POST /twilio/voice} (with a size-limited form body parser) to {@code router}. */
    public void mount(Router router) {
        BodyLimit.read(router.post(PATH), MAX_BODY_BYTES)
                .handler(this);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Map<String, String> params = firstValues(ctx.request().formAttributes());
        String from = params.get("From");
        if (verifier != null && !verifier.isValid(ctx.request().uri(), params,
                ctx.request().getHeader(TwilioSignatureVerifier.SIGNATURE_HEADER))) {
            LOG.warn("refused {} with a missing or wrong Twilio signature (From {})", PATH, PiiMask.phone(from));
            ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("forbidden");
            return;
        }
        String callSid = params.get("CallSid");
        if (callSid == null || callSid.isBlank() || callSid.length() > 64) {
            LOG.warn("refused {} without a usable CallSid (From {})", PATH, PiiMask.phone(from));
            ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("CallSid required");
            return;
        }
        String shortSid = callSid.replaceAll("[^A-Za-z0-9]", "");
        LOG.info("incoming call …{} from {}", shortSid.substring(Math.max(0, shortSid.length() - 6)),
                PiiMask.phone(from));
        ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, TWIML)
                .end(twiml.connectStream(callSid, from, params.get("To"), tokens.mint(callSid, from)));
    }

    /** Twilio never repeats a parameter; if a forger does, the first value is what gets verified and used. */
    private static Map<String, String> firstValues(MultiMap form) {
        Map<String, String> out = new HashMap<>();
        for (String name : form.names()) {
            out.put(name, form.get(name));
        }
        return out;
    }
}
