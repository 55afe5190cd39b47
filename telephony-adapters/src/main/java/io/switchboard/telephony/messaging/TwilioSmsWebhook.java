package io.switchboard.telephony.messaging;

import io.switchboard.models.Channel;
import io.switchboard.scheduling.phone.PhoneNumberNormalizer;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.twilio.TwilioSignatureVerifier;
import io.switchboard.telephony.twilio.TwimlResponses;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.switchboard.telephony.http.BodyLimit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /twilio/sms}: Twilio's incoming-message webhook. The signature is checked on the event loop (an HMAC,
 * cheap); the rest runs on the worker pool: the message is stored in the {@link Inbox} first, then answered, and the
 * answer is TwiML, {@code <Message>} or an empty {@code <Response/>} when nothing is to be sent.
 *
 * <p>Twilio waits 15 s and does not retry. So the webhook always answers within {@link InboundPipeline#answerWithin}:
 * if the work has not finished by then (a stalled database, a slow model), Twilio gets an empty TwiML 200 and the work
 * carries on; its reply is then sent through the Messages API. A stored message whose work fails is finished later by
 * the recovery sweep. Exactly one of these paths delivers a reply ({@link Inbox#claimReply}).
 */
public final class TwilioSmsWebhook {

    public static final String PATH = "/twilio/sms";
    /** A real webhook is a few KiB even with a 1600-char body fully percent-encoded. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(TwilioSmsWebhook.class);
    private static final String TWIML = "text/xml; charset=utf-8";

    private final TwilioSignatureVerifier verifier;
    private final InboundPipeline pipeline;
    private final PhoneNumberNormalizer phones;

    /** @param verifier null only when signature checks are switched off for local development */
    TwilioSmsWebhook(TwilioSignatureVerifier verifier, InboundPipeline pipeline, PhoneNumberNormalizer phones) {
        this.verifier = verifier;
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.phones = Objects.requireNonNull(phones, "phones");
    }

    public void mount(Router router) {
        BodyLimit.read(router.post(PATH), MAX_BODY_BYTES)
                .handler(this::receive);
    }

    /**
     * What the worker decided. {@code ownsAnswer}: the worker won the race against the timer and the reply goes in the
     * TwiML; otherwise the timer already answered and a claimed reply was sent by API.
     */
    private record Decision(boolean ownsAnswer, Optional<String> reply) {
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
        AtomicBoolean answered = new AtomicBoolean();
        long timer = ctx.vertx().setTimer(pipeline.answerWithin().toMillis(), id -> {
            if (answered.compareAndSet(false, true)) {
                LOG.warn("SMS {} from {} not answered within {} ms: acknowledged, the reply will follow by API", sid,
                        PiiMask.phone(params.get("From")), pipeline.answerWithin().toMillis());
                answer(ctx, Optional.empty());
            }
        });
        pipeline.inFlight().begin();
        pipeline.workers().<Decision>executeBlocking(() -> {
                    try {
                        return handle(sid, params, answered);
                    } finally {
                        pipeline.inFlight().end();
                    }
                }, false)
                .onComplete(ar -> {
                    ctx.vertx().cancelTimer(timer);
                    if (ar.failed()) {
                        LOG.error("SMS {} from {} failed: {}", sid, PiiMask.phone(params.get("From")),
                                ar.cause().getClass().getName());
                    }
                    if (ar.succeeded()) {
                        if (ar.result().ownsAnswer()) {
                            answer(ctx, ar.result().reply());
                        }
                    } else if (answered.compareAndSet(false, true)) {
                        ctx.response().setStatusCode(500).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain")
                                .end("temporarily unavailable");
                    }
                });
    }

    /**
     * Stores, answers and claims the reply, then takes the HTTP answer from the timer if it still can; when the time
     * bound passed meanwhile a claimed reply is sent by API instead.
     *
     * @throws RuntimeException when the message could not even be stored (the database is down)
     */
    private Decision handle(String sid, Map<String, String> params, AtomicBoolean answered) {
        Optional<String> from = phones.toE164(params.get("From"));
        if (from.isEmpty()) {
            // Short codes and alphanumeric senders cannot hold a conversation, and replying to them costs money.
            LOG.info("ignoring SMS {} from a sender that is not a phone number ({})", sid,
                    PiiMask.phone(params.get("From")));
            return inTime(answered, Optional.empty());
        }
        InboundText message = new InboundText(MessageProvider.TWILIO, sid, Channel.SMS, from.get(),
                params.get("Body"), mediaCount(params.get("NumMedia")));
        // On local disk first: if the database is stalled, Twilio is answered at the bound and never redelivers, so a
        // crash before the insert must not lose the text.
        pipeline.spool().ifPresent(spool -> spool.write(message));
        boolean fresh = pipeline.inbox().accept(message);
        pipeline.spool().ifPresent(spool -> spool.remove(message));
        if (!fresh && pipeline.inbox().isFailed(message.provider(), message.messageId())) {
            // Its first delivery got an apology and nothing was recorded: running it now would advance the
            // conversation with nobody reading the answer.
            return inTime(answered, Optional.empty());
        }
        Handled handled;
        try {
            handled = pipeline.handler().handle(message);
        } catch (RuntimeException e) {
            // Stored but not answered: the recovery sweep finishes it and texts the reply.
            LOG.error("SMS {} from {} stored but not answered ({}); it will be retried", sid,
                    PiiMask.phone(message.fromE164()), e.getClass().getName());
            return inTime(answered, Optional.empty());
        }
        if (!handled.firstDelivery()) {
            // Twilio retried (it did not get our answer): the same answer again, the conversation untouched.
            return inTime(answered, handled.reply());
        }
        if (!InboxCompletion.claim(pipeline.inbox(), message, handled)) {
            // A recovery sweep took this message over and delivers the reply itself.
            return inTime(answered, Optional.empty());
        }
        Decision decision = inTime(answered, handled.reply());
        if (!decision.ownsAnswer()) {
            handled.reply().ifPresent(reply -> pipeline.completion().send(message, reply));
        }
        return decision;
    }

    private static Decision inTime(AtomicBoolean answered, Optional<String> reply) {
        return new Decision(answered.compareAndSet(false, true), reply);
    }

    private void answer(RoutingContext ctx, Optional<String> reply) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
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
