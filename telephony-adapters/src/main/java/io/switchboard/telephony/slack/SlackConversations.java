package io.switchboard.telephony.slack;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.Identity;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Channel;
import io.switchboard.models.LogSafe;
import io.switchboard.telephony.messaging.Handled;
import io.switchboard.telephony.messaging.MessageProvider;
import io.switchboard.telephony.messaging.ProcessedMessages;
import io.switchboard.telephony.ratelimit.InboundLimits;
import io.switchboard.telephony.ratelimit.RateDecision;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one {@link SlackTurn}, once: the turn runs inside {@link ProcessedMessages#handleOnce} keyed by Slack's
 * event id (a button press by its action), so a retry ({@code X-Slack-Retry-Num}) or a duplicate delivery finds it
 * handled and nothing is posted twice. The conversation is the Slack user's ({@link Channel#SLACK}, session
 * {@code team:user}) with the identity {@link SlackIdentities} gives: a Slack user proves no phone number, so — as
 * for a public web visitor — they may ask and book as a new customer, and seeing, moving or cancelling a booking
 * needs a one-time code texted to its number. A user mapped to the owner has a separate session ({@code owner:}
 * prefix), so a mapping that is withdrawn never carries owner state into their ordinary conversation; they still
 * give the PIN. Per-user inbound rate limit as on the other channels. Blocking: call from a worker thread.
 */
public final class SlackConversations {

    private static final Logger LOG = LoggerFactory.getLogger(SlackConversations.class);
    /** Caller words quoted to the staff channel are cut: the staff need the gist, not a pasted essay. */
    static final int MAX_QUOTE = 200;

    private final DialogEngine engine;
    private final ProcessedMessages processed;
    private final InboundLimits limits;
    private final SlackBlocks blocks;
    private final SlackIdentities identities;

    /** Every Slack user unproven, nobody mapped to the owner. */
    public SlackConversations(DialogEngine engine, ProcessedMessages processed, InboundLimits limits,
                              SlackBlocks blocks) {
        this(engine, processed, limits, blocks, SlackIdentities.unproven());
    }

    public SlackConversations(DialogEngine engine, ProcessedMessages processed, InboundLimits limits,
                              SlackBlocks blocks, SlackIdentities identities) {
        this.identities = Objects.requireNonNull(identities, "identities");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.processed = Objects.requireNonNull(processed, "processed");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
    }

    /** The reply to post, or empty when there is none (a retry of a handled event, a silenced flood). */
    public Optional<SlackReply> handle(SlackTurn turn) {
        RateDecision decision = limits.check(Channel.SLACK.wireName(), turn.sessionId(), null);
        if (decision instanceof RateDecision.Refused refused) {
            return refused.firstRefusal()
                    ? Optional.of(new SlackReply("You're sending messages faster than I can answer. Please wait a "
                            + "minute and try again.", List.of(), Optional.empty()))
                    : Optional.empty();
        }
        // Before the exactly-once transaction: the look-up may ask Slack, and no transaction waits on the network.
        Identity who = identities.of(turn);
        String session = who.proof() == Identity.Proof.OWNER_ACCOUNT ? "owner:" + turn.sessionId() : turn.sessionId();
        AtomicReference<TurnResult> result = new AtomicReference<>();
        Handled handled = processed.handleOnce(MessageProvider.SLACK, turn.eventKey(), () -> {
            TurnResult r = engine.handle(TurnRequest.typed(Channel.SLACK, session, who, turn.text()));
            result.set(r);
            return Optional.ofNullable(r.reply()).filter(s -> !s.isBlank());
        });
        if (!handled.firstDelivery()) {
            LOG.info("slack event {} was delivered again; already answered", LogSafe.escape(turn.eventKey()));
            return Optional.empty();
        }
        TurnResult r = result.get();
        if (r == null || handled.reply().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SlackReply(r.reply(), blocks.of(r), handOff(turn, r)));
    }

    /** The staff channel's line when the conversation asked for a person or left a message for one. */
    private static Optional<String> handOff(SlackTurn turn, TurnResult r) {
        boolean person = r.actions().stream().anyMatch(a -> a instanceof DialogAction.HandOff
                || a instanceof DialogAction.MessageForOwner || a instanceof DialogAction.NotifyOwner);
        if (!person) {
            return Optional.empty();
        }
        String wrote = turn.text().strip();
        if (wrote.length() > MAX_QUOTE) {
            wrote = wrote.substring(0, MAX_QUOTE) + "…";
        }
        String summary = r.actions().stream()
                .filter(DialogAction.MessageForOwner.class::isInstance)
                .map(a -> ((DialogAction.MessageForOwner) a).summary())
                .filter(s -> s != null && !s.isBlank())
                .findFirst().map(s -> " Summary: " + SlackText.escape(s) + ".").orElse("");
        return Optional.of("Hand-off from Slack: <@" + turn.userId() + "> asked for a person. Last message: \""
                + SlackText.escape(wrote) + "\"." + summary + " Please reply to them in Slack.");
    }
}
