package io.switchboard.telephony.messaging;

import io.switchboard.models.Channel;
import io.switchboard.scheduling.phone.PhoneNumberNormalizer;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.twilio.TwilioSignatureVerifier;
import io.switchboard.telephony.twilio.TwimlResponses;
import io.vertx.core.MultiMap;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.switchboard.telephony.http.BodyLimit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /twilio/sms}: Twilio's incoming-message webhook. The signature is checked on the event loop (an HMAC,
 * cheap); the database and the dialog engine run on the worker pool; the answer is TwiML, {@code <Message>} or an
 * empty {@code <Response/>} when nothing is to be sent.
 */
public final class TwilioSmsWebhook {

    public static final String PATH = "/twilio/sms";
    /** A real webhook is a few KiB even with a 1600-char body fully percent-encoded. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(TwilioSmsWebhook.class);
    private static final String TWIML = "text/xml; charset=utf-8";

    private final TwilioSignatureVerifier verifier;
    private final InboundTextHandler handler;
    private final PhoneNumberNormalizer phones;
    private final WorkerExecutor workers;
    /** Only its messaging half is used here; the stream URL is a placeholder the SMS documents never contain. */

    /** @param verifier null only when signature checks are switched off for local development */
    public TwilioSmsWebhook(TwilioSignatureVerifier verifier, InboundTextHandler handler, PhoneNumberNormalizer phones,
            WorkerExecutor workers) {
        this.verifier = verifier;
        this.handler = Objects.requireNonNull(handler, "handler");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    public void mount(Router router) {
        BodyLimit.read(router.post(PATH), MAX_BODY_BYTES)
                .handler(this::receive);
    }

    private void receive(RoutingContext ctx) {
        Map<String, String> params = firstValues(ctx.request().formAttributes());
        if (verifier != null && !verifier.isValid(ctx.request().uri(), params,
                ctx.request().getHeader(TwilioSignatureVerifier.SIGNATURE_HEADER))) {
            LOG.warn("refused {} with a missing or wrong Twilio signature (From {})", PATH,
                    PiiMask.phone(params.get("From")));
            ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("forbidden");
            return;
        }
        String sid = params.get("MessageSid");
        if (!InboundText.isUsableMessageId(sid)) {
            LOG.warn("refused {} without a usable MessageSid (From {})", PATH, PiiMask.phone(params.get("From")));
            ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("MessageSid required");
            return;
        }
        workers.<Handled>executeBlocking(() -> handle(sid, params), false)
                .onSuccess(handled -> answer(ctx, handled.reply()))
                .onFailure(e -> {
                    LOG.error("SMS {} from {} failed: {}", sid, PiiMask.phone(params.get("From")),
                            e.getClass().getName());
                    ctx.response().setStatusCode(500).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain")
                            .end("temporarily unavailable");
                });
    }

    private Handled handle(String sid, Map<String, String> params) {
        Optional<String> from = phones.toE164(params.get("From"));
        if (from.isEmpty()) {
            // Short codes and alphanumeric senders cannot hold a conversation, and replying to them costs money.
            LOG.info("ignoring SMS {} from a sender that is not a phone number ({})", sid,
                    PiiMask.phone(params.get("From")));
            return new Handled(true, null);
        }
        InboundText message = new InboundText(MessageProvider.TWILIO, sid, Channel.SMS, from.get(),
                params.get("Body"), mediaCount(params.get("NumMedia")));
        return handler.handle(message);
    }

    private void answer(RoutingContext ctx, Optional<String> reply) {
        String body = reply.map(TwimlResponses::message).orElseGet(TwimlResponses::empty);
        ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, TWIML).end(body);
    }

    private static int mediaCount(String numMedia) {
        if (numMedia == null) {
            return 0;
        }
        try {
            return Integer.parseInt(numMedia.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
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
