package io.switchboard.telephony.messaging;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Channel;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.outbound.TwilioSmsSender;
import io.switchboard.telephony.ratelimit.InboundLimits;
import io.switchboard.telephony.ratelimit.RateDecision;
import io.switchboard.telephony.outbound.WhatsAppCloudSender;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the answer to one inbound text, once per provider message id: carrier keywords and opt-outs first, then
 * the dialog engine (session id = the sender's E.164 number, so consecutive texts continue one conversation).
 * Provider-neutral; the webhooks deliver the answer. Blocking: call from a worker thread.
 *
 * <p>A sender over the inbound rate limit gets one short "slow down" reply and then silence until they pause, so a
 * script can neither run up the engine nor make us text back at its pace; STOP always gets through.
 */
public final class InboundTextHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InboundTextHandler.class);

    private final DialogEngine engine;
    private final ProcessedMessages processed;
    private final OptOutStore optOuts;
    private final TextReplies replies;
    private final InboundLimits limits;

    public InboundTextHandler(DialogEngine engine, ProcessedMessages processed, OptOutStore optOuts,
            TextReplies replies, InboundLimits limits) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.processed = Objects.requireNonNull(processed, "processed");
        this.optOuts = Objects.requireNonNull(optOuts, "optOuts");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @throws RuntimeException when the database fails; nothing is then recorded, so a provider retry is processed
     */
    public Handled handle(InboundText message) {
        if (CarrierKeyword.of(message.text()).filter(k -> k == CarrierKeyword.OPT_OUT).isEmpty()) {
            // The signed sender is the one to count; the address is the provider's and shared by every customer.
            RateDecision decision = limits.check(message.channel().wireName(), message.fromE164(), null);
            if (decision instanceof RateDecision.Refused refused) {
                if (refused.firstRefusal()) {
                    LOG.warn("{} sender {} is over the inbound rate limit: one polite reply, then silence",
                            message.channel().wireName(), PiiMask.phone(message.fromE164()));
                }
                return new Handled(true, refused.firstRefusal() ? replies.slowDown() : null);
            }
        }
        try {
            Handled handled = processed.handleOnce(message.provider(), message.messageId(), () -> decide(message));
            if (!handled.firstDelivery()) {
                LOG.info("{} message {} from {} was delivered again; answered as before", message.provider().wireName(),
                        message.messageId(), PiiMask.phone(message.fromE164()));
            }
            return handled;
        } catch (DialogFailure e) {
            // Not recorded (the transaction rolled back): a retry of this message gets a real answer.
            LOG.error("dialog engine failed on {} message {} from {}: {}", message.channel().wireName(),
                    message.messageId(), PiiMask.phone(message.fromE164()), e.getCause().getClass().getName());
            return new Handled(true, replies.tryAgainLater(), false);
        }
    }

    private Optional<String> decide(InboundText m) {
        String who = PiiMask.phone(m.fromE164());
        Optional<CarrierKeyword> keyword = CarrierKeyword.of(m.text());
        if (keyword.isPresent() && keyword.get() == CarrierKeyword.OPT_OUT) {
            optOuts.optOut(m.fromE164(), m.channel());
            engine.end(m.channel(), m.fromE164());
            LOG.info("{} opted out of {}", who, m.channel().wireName());
            // On SMS the carrier/Twilio confirms the opt-out; a reply of ours would be a message to an opted-out number.
            return m.channel() == Channel.SMS ? Optional.empty() : Optional.of(replies.optedOut());
        }
        boolean optedOut = optOuts.isOptedOut(m.fromE164(), m.channel());
        if ((keyword.isPresent() && keyword.get() == CarrierKeyword.OPT_IN)
                || (optedOut && CarrierKeyword.isResubscribeWord(m.text()))) {
            optOuts.optIn(m.fromE164(), m.channel());
            LOG.info("{} opted back in to {}", who, m.channel().wireName());
            return Optional.of(replies.optedIn());
        }
        if (optedOut) {
            LOG.info("ignoring {} message from opted-out {}", m.channel().wireName(), who);
            return Optional.empty();
        }
        if (keyword.isPresent()) {
            return Optional.of(replies.help());
        }
        if (m.isMediaOnly()) {
            return Optional.of(replies.textOnly());
        }
        TurnResult result;
        try {
            result = engine.handle(TurnRequest.text(m.channel(), m.fromE164(), m.fromE164(), m.text()));
        } catch (RuntimeException e) {
            throw new DialogFailure(e);
        }
        String reply = result.reply();
        if (reply == null || reply.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(fit(reply, m.channel() == Channel.WHATSAPP
                ? WhatsAppCloudSender.MAX_BODY_CHARS : TwilioSmsSender.MAX_BODY_CHARS));
    }

    /** Cuts to the provider's limit without splitting a surrogate pair. */
    static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }

    /** Carries an engine failure out of the transaction so it rolls back and the caller can apologise. */
    private static final class DialogFailure extends RuntimeException {
        DialogFailure(RuntimeException cause) {
            super(cause);
        }
    }
}
