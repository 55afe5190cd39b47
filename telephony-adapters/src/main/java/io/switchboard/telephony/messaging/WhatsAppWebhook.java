package io.switchboard.telephony.messaging;

import io.switchboard.models.Channel;
import io.switchboard.models.LogSafe;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.whatsapp.WhatsAppInboundMessage;
import io.switchboard.telephony.whatsapp.WhatsAppNonTextMessage;
import io.switchboard.telephony.whatsapp.WhatsAppPayloadException;
import io.switchboard.telephony.whatsapp.WhatsAppPayloadParser;
import io.switchboard.telephony.whatsapp.WhatsAppSignatureVerifier;
import io.switchboard.telephony.whatsapp.WhatsAppSubscriptionVerifier;
import io.switchboard.telephony.whatsapp.WhatsAppTextMessage;
import io.switchboard.telephony.whatsapp.WhatsAppWebhookBatch;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.switchboard.telephony.http.BodyLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /whatsapp/webhook} (Meta's subscription handshake) and {@code POST /whatsapp/webhook} (notifications).
 *
 * <p>A notification's {@code X-Hub-Signature-256} is checked on the raw bytes before anything is parsed; a forged one
 * gets 401 and is never read. A genuine one is parsed on the worker pool and each message in it is stored in the
 * {@link Inbox} (deduplicated on its wamid) <em>before</em> Meta gets its 200, so a crash after the acknowledgement
 * loses nothing: the answer is then computed and sent with the Graph API in the background, or by the recovery sweep
 * after a restart. If the messages cannot be stored within {@link InboundPipeline#answerWithin} (a stalled or down
 * database), Meta gets 503 and delivers again later; a redelivery of what did get stored is a duplicate and ignored.
 * Status updates and reactions are ignored; other non-text messages get a polite "text only" answer.
 */
public final class WhatsAppWebhook {

    public static final String PATH = "/whatsapp/webhook";

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppWebhook.class);

    private final WhatsAppSubscriptionVerifier subscription;
    private final WhatsAppSignatureVerifier signatures;
    private final WhatsAppPayloadParser parser = new WhatsAppPayloadParser();
    private final String phoneNumberId;
    private final InboundPipeline pipeline;

    /**
     * @param phoneNumberId the business number replies are sent from; messages addressed to another number of the
     *                      same WhatsApp Business Account are not ours to answer
     */
    WhatsAppWebhook(WhatsAppSubscriptionVerifier subscription, WhatsAppSignatureVerifier signatures,
            String phoneNumberId, InboundPipeline pipeline) {
        this.subscription = Objects.requireNonNull(subscription, "subscription");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.phoneNumberId = Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    public void mount(Router router) {
        router.get(PATH).handler(this::verifySubscription);
        BodyLimit.read(router.post(PATH), WhatsAppPayloadParser.DEFAULT_MAX_BODY_BYTES)
                .handler(this::receive);
    }

    private void verifySubscription(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        subscription.challengeFor(req.getParam("hub.mode"), req.getParam("hub.verify_token"),
                        req.getParam("hub.challenge"))
                .ifPresentOrElse(
                        challenge -> {
                            LOG.info("WhatsApp webhook subscription verified");
                            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end(challenge);
                        },
                        () -> {
                            LOG.warn("refused a WhatsApp subscription handshake (wrong mode, token or challenge)");
                            ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain")
                                    .end("forbidden");
                        });
    }

    private void receive(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        byte[] raw = body == null ? new byte[0] : body.getBytes();
        if (!signatures.isValid(raw, ctx.request().getHeader(WhatsAppSignatureVerifier.SIGNATURE_HEADER))) {
            LOG.warn("refused a WhatsApp notification with a missing or wrong signature ({} bytes)", raw.length);
            ctx.response().setStatusCode(401).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("invalid signature");
            return;
        }
        AtomicBoolean answered = new AtomicBoolean();
        long timer = ctx.vertx().setTimer(pipeline.answerWithin().toMillis(), id -> {
            if (answered.compareAndSet(false, true)) {
                LOG.warn("WhatsApp notification not stored within {} ms: 503, Meta will deliver it again",
                        pipeline.answerWithin().toMillis());
                unavailable(ctx);
            }
        });
        pipeline.inFlight().begin();
        pipeline.workers().<List<InboundText>>executeBlocking(() -> store(raw), false)
                .onComplete(ar -> {
                    ctx.vertx().cancelTimer(timer);
                    if (ar.failed()) {
                        pipeline.inFlight().end();
                        LOG.error("WhatsApp notification not stored: {}", ar.cause().getClass().getName());
                        if (answered.compareAndSet(false, true)) {
                            unavailable(ctx);
                        }
                        return;
                    }
                    if (answered.compareAndSet(false, true) && !ctx.response().ended() && !ctx.response().closed()) {
                        ctx.response().setStatusCode(200).end();
                    }
                    List<InboundText> stored = ar.result();
                    if (stored.isEmpty()) {
                        pipeline.inFlight().end();
                        return;
                    }
                    pipeline.workers().executeBlocking(() -> {
                        try {
                            stored.forEach(this::complete);
                        } finally {
                            pipeline.inFlight().end();
                        }
                        return null;
                    }, false);
                });
    }

    /** Parses the delivery and stores each message we should answer; returns those stored for the first time. */
    private List<InboundText> store(byte[] raw) {
        WhatsAppWebhookBatch batch;
        try {
            batch = parser.parse(raw);
        } catch (WhatsAppPayloadException e) {
            // Signed by Meta but not a message notification we understand: answering 200 stops pointless retries.
            // The parser's message may quote bytes of the body: escaped, it cannot forge a log line.
            LOG.warn("ignoring a signed WhatsApp notification: {}", LogSafe.escape(e.getMessage()));
            return List.of();
        }
        if (batch.skippedMessages() > 0) {
            LOG.warn("skipped {} unreadable WhatsApp message entries", batch.skippedMessages());
        }
        List<InboundText> fresh = new ArrayList<>();
        for (WhatsAppInboundMessage message : batch.messages()) {
            InboundText text = toAnswer(message);
            if (text == null) {
                continue;
            }
            if (pipeline.inbox().accept(text)) {
                fresh.add(text);
            } else {
                LOG.info("WhatsApp message {} from {} was delivered again; already taken", text.messageId(),
                        PiiMask.phone(text.fromE164()));
            }
        }
        return fresh;
    }

    private void complete(InboundText text) {
        try {
            pipeline.completion().complete(text);
        } catch (RuntimeException e) {
            // Stored: the recovery sweep retries it. One failure must not hold up the rest of the delivery.
            LOG.error("WhatsApp message {} from {} stored but not answered ({}); it will be retried",
                    text.messageId(), PiiMask.phone(text.fromE164()), e.getClass().getName());
        }
    }

    /** The message as an inbound text, or null when it is not ours to answer. */
    private InboundText toAnswer(WhatsAppInboundMessage message) {
        String who = PiiMask.phone(message.fromE164());
        if (message.businessPhoneNumberId() != null && !phoneNumberId.equals(message.businessPhoneNumberId())) {
            LOG.info("ignoring WhatsApp message {} addressed to another business number", message.messageId());
            return null;
        }
        if (!InboundText.isUsableMessageId(message.messageId())) {
            LOG.warn("ignoring WhatsApp message from {} with an unusable id", who);
            return null;
        }
        return switch (message) {
            case WhatsAppTextMessage t -> new InboundText(MessageProvider.WHATSAPP, t.messageId(), Channel.WHATSAPP,
                    t.fromE164(), t.text(), 0);
            case WhatsAppNonTextMessage n when "reaction".equals(n.type()) -> {
                LOG.debug("ignoring a WhatsApp reaction from {}", who);
                yield null;
            }
            case WhatsAppNonTextMessage n -> new InboundText(MessageProvider.WHATSAPP, n.messageId(),
                    Channel.WHATSAPP, n.fromE164(), "", 1);
        };
    }

    private static void unavailable(RoutingContext ctx) {
        if (!ctx.response().ended() && !ctx.response().closed()) {
            ctx.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain")
                    .end("temporarily unavailable");
        }
    }
}
