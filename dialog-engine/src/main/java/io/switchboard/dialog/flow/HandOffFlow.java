package io.switchboard.dialog.flow;

import io.switchboard.dialog.AlertReceipt;
import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.HandOffNote;
import io.switchboard.dialog.handoff.PersonRequest;
import io.switchboard.dialog.session.SessionKey;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Channel;
import io.switchboard.models.Intent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hand-offs that happen: a caller who asks for a person (or to be called back), or whose conversation got stuck, is
 * put through live (voice, a transfer number configured, within opening hours) or leaves word, and the owner is told
 * at once through the {@link io.switchboard.dialog.Notifier}: a text where SMS is configured, a message to call back
 * in the owner's list. Every hand-off adds a {@link DialogAction.NotifyOwner} saying what the notifier did, and the
 * reply promises only that.
 */
final class HandOffFlow {

    private static final Logger LOG = LoggerFactory.getLogger(HandOffFlow.class);
    static final String ASKED_FOR_PERSON = "asked_for_person";
    static final String CALL_BACK = "call_back";
    static final String TRANSFER = "transfer";
    static final String MESSAGE_LEFT = "message_left";
    private static final int MAX_MESSAGE = 300;

    private final PersonRequest requests;

    HandOffFlow(String ownerName) {
        this.requests = new PersonRequest(ownerName);
    }

    /** Whether this message asks for a person: the rules' own reading, or the intent classifier's. */
    Optional<PersonRequest.Kind> asked(Heard h) {
        Optional<PersonRequest.Kind> kind = requests.read(h.original());
        if (kind.isEmpty() && h.is(Intent.HUMAN)) {
            return Optional.of(PersonRequest.Kind.PERSON);
        }
        return kind;
    }

    /** Whether a hand-off waits for this message (the call-back number or the caller's message). */
    boolean pending(Conversation c) {
        return c.pendingHandOff != null;
    }

    /** The caller asked for a person: put through, asked for a message or number, or the owner told at once. */
    void requested(Turn t, PersonRequest.Kind kind) {
        Conversation c = t.conv;
        t.understood = true;
        String reason = kind == PersonRequest.Kind.CALL_BACK ? CALL_BACK : ASKED_FOR_PERSON;
        if (c.channel == Channel.VOICE) {
            if (t.notifier.liveTransferNumber().isPresent() && t.profile().isOpenAt(t.now)) {
                t.say(t.say.transferring(t.profile().owner().name()));
                notifyOwner(t, TRANSFER, "");
                t.actions.add(new DialogAction.TransferCall());
                finish(t);
                return;
            }
            c.pendingHandOff = reason;
            t.ask(t.say.askForMessage(t.profile().owner().name()), Expectation.PROBLEM, DialogState.COLLECTING);
            return;
        }
        // A channel that reaches the sender by itself (Slack: the staff answer there) needs no number to call back on.
        if (callback(c) == null && !c.channel.reachesSenderItself()) {
            c.pendingHandOff = reason;
            t.ask(t.say.askCallbackNumber(t.profile().owner().name()), Expectation.PHONE, DialogState.COLLECTING);
            return;
        }
        AlertReceipt receipt = notifyOwner(t, reason, "");
        t.say(t.say.handedOff(t.profile().owner().name(), receipt, false));
        finish(t);
    }

    /** The answer a pending hand-off waited for: the caller's message (voice) or their number (text). */
    void resume(Turn t) {
        Conversation c = t.conv;
        Heard h = t.heard;
        t.understood = true;
        String reason = c.pendingHandOff;
        String message = "";
        if (c.expecting.is(Expectation.Slot.PHONE)) {
            if (h.phone() != null) {
                c.phone = h.phone();
            } else {
                message = h.original(); // no number: whatever they said goes to the owner as their words
            }
        } else {
            message = h.original().strip();
            reason = MESSAGE_LEFT;
        }
        message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
        AlertReceipt receipt = notifyOwner(t, reason, message);
        t.say(t.say.handedOff(t.profile().owner().name(), receipt, !message.isBlank() && MESSAGE_LEFT.equals(reason)));
        finish(t);
    }

    /** Nothing has worked (the recovery policy): the owner is told, and the caller hears only what is true. */
    /**
     * Takes a message for the owner (what the caller wanted, their number) and ends the conversation: the one way a
     * conversation that cannot go on ends, so the owner always hears of it and the caller is never asked again.
     */
    void giveUp(Turn t, String reason) {
        Conversation c = t.conv;
        t.unsay();
        stuck(t, reason);
        t.actions.add(new DialogAction.MessageForOwner(callback(c), c.name, CallerWants.of(t), reason));
        t.actions.add(new DialogAction.EndConversation());
        c.state = DialogState.HANDED_OFF;
        c.expecting = Expectation.NONE;
        c.noMatch = 0;
        c.stalledTurns = 0;
    }

    void stuck(Turn t, String reason) {
        AlertReceipt receipt = notifyOwner(t, reason, "");
        t.say(t.say.takeMessage(t.profile().owner().name(), receipt));
    }

    private static void finish(Turn t) {
        Conversation c = t.conv;
        c.pendingHandOff = null;
        c.state = DialogState.HANDED_OFF;
        c.expecting = Expectation.NONE;
        t.actions.add(new DialogAction.EndConversation());
    }

    /**
     * Tells the owner through the notifier and records what it did as a {@code notify_owner} action. Never throws:
     * a failing notifier is a receipt that promises nothing.
     */
    static AlertReceipt notifyOwner(Turn t, String reason, String message) {
        Conversation c = t.conv;
        List<String> lines = new ArrayList<>(c.recent);
        if (!t.heard.original().isBlank()) {
            lines.add("Caller: " + t.heard.original().strip());
        }
        HandOffNote note = new HandOffNote(callback(c), c.name, CallerWants.of(t), message,
                lines.subList(Math.max(0, lines.size() - Conversation.MAX_RECENT), lines.size()), reason, c.channel,
                t.now, new SessionKey(c.channel, c.sessionId).toString());
        AlertReceipt receipt;
        try {
            receipt = t.notifier.handOff(note);
        } catch (RuntimeException e) {
            LOG.error("hand-off to the owner failed: {}", e.getClass().getSimpleName());
            receipt = new AlertReceipt.NotQueued(e.getClass().getSimpleName());
        }
        t.actions.add(new DialogAction.NotifyOwner(reason, receipt.wireName()));
        return receipt;
    }

    /** The number to call the caller back on: the one they gave, else the channel's caller ID; null for neither. */
    static String callback(Conversation c) {
        return c.phone != null ? c.phone : c.callerId;
    }
}
