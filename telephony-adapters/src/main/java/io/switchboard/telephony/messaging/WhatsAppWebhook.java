package io.switchboard.telephony.messaging;

import io.switchboard.models.Channel;
import io.switchboard.models.LogSafe;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.outbound.OutboundMessenger;
import io.switchboard.telephony.whatsapp.WhatsAppInboundMessage;
import io.switchboard.telephony.whatsapp.WhatsAppNonTextMessage;
import io.switchboard.telephony.whatsapp.WhatsAppPayloadException;
import io.switchboard.telephony.whatsapp.WhatsAppPayloadParser;
import io.switchboard.telephony.whatsapp.WhatsAppSignatureVerifier;
import io.switchboard.telephony.whatsapp.WhatsAppSubscriptionVerifier;
import io.switchboard.telephony.whatsapp.WhatsAppTextMessage;
import io.switchboard.telephony.whatsapp.WhatsAppWebhookBatch;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.switchboard.telephony.http.BodyLimit;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /whatsapp/webhook} (Meta's subscription handshake) and {@code POST /whatsapp/webhook} (notifications).
 *
 * <p>A notification's {@code X-Hub-Signature-256} is checked on the raw bytes before anything is parsed; a forged one
 * gets 401 and is never read. A genuine one is acknowledged with 200 at once (Meta retries slow webhooks), then
 * parsed and answered on the worker pool: each text goes through the {@link InboundTextHandler} (deduplicated on its
 * wamid), and the reply is sent with the Graph API through the {@link OutboundMessenger}. Status updates and
 * reactions are ignored; other non-text messages get a polite "text only" answer.
 */
public final class WhatsAppWebhook {

    public static final String PATH = "/whatsapp/webhook";

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppWebhook.class);

    private final WhatsAppSubscriptionVerifier subscription;
    private final WhatsAppSignatureVerifier signatures;
    private final WhatsAppPayloadParser parser = new WhatsAppPayloadParser();
    private final String phoneNumberId;
    private final InboundTextHandler handler;
    private final OutboundMessenger outbound;
    private final WorkerExecutor workers;

    /**
     * @param phoneNumberId the business number replies are sent from; messages addressed to another number of the
     *                      same WhatsApp Business Account are not ours to answer
     */
    public WhatsAppWebhook(WhatsAppSubscriptionVerifier subscription, WhatsAppSignatureVerifier signatures,
            String phoneNumberId, InboundTextHandler handler, OutboundMessenger outbound, WorkerExecutor workers) {
        this.subscription = Objects.requireNonNull(subscription, "subscription");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.phoneNumberId = Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.outbound = Objects.requireNonNull(outbound, "outbound");
        this.workers = Objects.requireNonNull(workers, "workers");
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
        ctx.response().setStatusCode(200).end();
        workers.executeBlocking(() -> {
            process(raw);
            return null;
        }, false).onFailure(e -> LOG.error("WhatsApp notification failed: {}", e.getClass().getName()));
    }

    private void process(byte[] raw) {
        WhatsAppWebhookBatch batch;
        try {
            batch = parser.parse(raw);
        } catch (WhatsAppPayloadException e) {
            // Signed by Meta but not a message notification we understand: answering 200 stops pointless retries.
            // The parser's message may quote bytes of the body: escaped, it cannot forge a log line.
            LOG.warn("ignoring a signed WhatsApp notification: {}", LogSafe.escape(e.getMessage()));
            return;
        }
        if (batch.skippedMessages() > 0) {
            LOG.warn("skipped {} unreadable WhatsApp message entries", batch.skippedMessages());
        }
        for (WhatsAppInboundMessage message : batch.messages()) {
            try {
                answer(message);
            } catch (RuntimeException e) {
                // One message's failure (e.g. the database) must not drop the rest of the delivery.
                LOG.error("WhatsApp message {} from {} failed: {}", message.messageId(),
                        PiiMask.phone(message.fromE164()), e.getClass().getName());
            }
        }
    }

    private void answer(WhatsAppInboundMessage message) {
        String who = PiiMask.phone(message.fromE164());
        if (message.businessPhoneNumberId() != null && !phoneNumberId.equals(message.businessPhoneNumberId())) {
            LOG.info("ignoring WhatsApp message {} addressed to another business number", message.messageId());
            return;
        }
        if (!InboundText.isUsableMessageId(message.messageId())) {
            LOG.warn("ignoring WhatsApp message from {} with an unusable id", who);
            return;
        }
        InboundText text = switch (message) {
            case WhatsAppTextMessage t -> new InboundText(MessageProvider.WHATSAPP, t.messageId(), Channel.WHATSAPP,
                    t.fromE164(), t.text(), 0);
            case WhatsAppNonTextMessage n when "reaction".equals(n.type()) -> null;
            case WhatsAppNonTextMessage n -> new InboundText(MessageProvider.WHATSAPP, n.messageId(),
                    Channel.WHATSAPP, n.fromE164(), "", 1);
        };
        if (text == null) {
            LOG.debug("ignoring a WhatsApp reaction from {}", who);
            return;
        }
        Handled handled = handler.handle(text);
        if (!handled.firstDelivery()) {
            return;
        }
        handled.reply().ifPresent(reply -> outbound.send(Channel.WHATSAPP, text.fromE164(), reply)
                .whenComplete((result, error) -> {
                    if (error != null || !result.isSent()) {
                        LOG.warn("WhatsApp reply to {} for {} not delivered: {}", who, text.messageId(),
                                error != null ? error.getClass().getName() : result.detail());
                    }
                }));
    }
}
