package io.switchboard.telephony.messaging;

import io.switchboard.models.Channel;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.outbound.OutboundMessenger;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes a stored message away from the HTTP exchange that brought it: runs its conversation (once, through the
 * {@link InboundTextHandler}), claims its reply in the {@link Inbox} and, if this caller won the claim, sends the reply
 * through the provider's API. Used for WhatsApp (acknowledged before answering), for SMS answered after the webhook's
 * time bound, and by the recovery sweep. Blocking: call from a worker thread.
 */
final class InboxCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(InboxCompletion.class);

    private final InboundTextHandler handler;
    private final Inbox inbox;
    private final OutboundMessenger api;

    InboxCompletion(InboundTextHandler handler, Inbox inbox, OutboundMessenger api) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.api = Objects.requireNonNull(api, "api");
    }

    /**
     * @throws RuntimeException when the database fails; the message then stays unanswered for the next sweep
     */
    void complete(InboundText m) {
        Handled handled = handler.handle(m);
        if (claim(inbox, m, handled)) {
            handled.reply().ifPresent(reply -> send(m, reply));
        }
    }

    /** Takes the right to deliver {@code handled}'s reply: answered when recorded, failed when it is an apology. */
    static boolean claim(Inbox inbox, InboundText m, Handled handled) {
        return handled.recorded() ? inbox.claimReply(m.provider(), m.messageId())
                : inbox.fail(m.provider(), m.messageId());
    }

    void send(InboundText m, String reply) {
        Channel channel = m.channel();
        String who = PiiMask.phone(m.fromE164());
        api.send(channel, m.fromE164(), reply).whenComplete((result, error) -> {
            if (error != null || !result.isSent()) {
                LOG.warn("{} reply to {} for {} not delivered: {}", channel.wireName(), who, m.messageId(),
                        error != null ? error.getClass().getName() : result.detail());
            }
        });
    }
}
