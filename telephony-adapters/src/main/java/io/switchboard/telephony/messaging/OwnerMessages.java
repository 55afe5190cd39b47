package io.switchboard.telephony.messaging;

import io.switchboard.dialog.AlertReceipt;
import io.switchboard.dialog.EmergencyAlert;
import io.switchboard.dialog.HandOffNote;
import io.switchboard.dialog.Notifier;
import io.switchboard.dialog.OwnerLockedAlert;
import io.switchboard.telephony.alerts.HandOffText;
import io.switchboard.telephony.voice.MissedCalls;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every hand-off becomes a message to call back on the owner's call-back list ({@link MissedCalls}, reason
 * {@code message}) before the notifier texts the owner, so the message is kept whether or not SMS is configured: the
 * answer is then at least {@link AlertReceipt#RECORDED} ("I've left a message"), and only the SMS notifier's
 * {@link AlertReceipt#QUEUED} allows "I've let Sam know". Also where the live transfer number is offered to the dialog.
 * Everything else goes to the notifier it wraps.
 */
public final class OwnerMessages implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerMessages.class);
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final Notifier notifier;
    private final MissedCalls list;
    private final HandOffText text;
    private final Optional<String> transferNumber;

    public OwnerMessages(Notifier notifier, MissedCalls list, HandOffText text, Optional<String> transferNumber) {
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.list = Objects.requireNonNull(list, "list");
        this.text = Objects.requireNonNull(text, "text");
        this.transferNumber = Objects.requireNonNull(transferNumber, "transferNumber");
    }

    @Override
    public AlertReceipt handOff(HandOffNote note) {
        boolean kept;
        try {
            String phone = E164.matcher(note.callerPhone()).matches() ? note.callerPhone() : null;
            list.recordMessage(note.conversationKey(), phone, text.compose(note));
            kept = true;
        } catch (RuntimeException e) {
            LOG.error("message to call back NOT stored: {}", e.getClass().getName());
            kept = false;
        }
        AlertReceipt texted;
        try {
            texted = notifier.handOff(note);
        } catch (RuntimeException e) {
            LOG.error("hand-off notifier failed: {}", e.getClass().getName());
            texted = new AlertReceipt.NotQueued(e.getClass().getSimpleName());
        }
        return texted.ownerWillBeTold() || !kept ? texted : AlertReceipt.RECORDED;
    }

    @Override
    public Optional<String> liveTransferNumber() {
        return transferNumber;
    }

    @Override
    public AlertReceipt emergency(EmergencyAlert alert) {
        return notifier.emergency(alert);
    }

    @Override
    public boolean textsCallers() {
        return notifier.textsCallers();
    }

    @Override
    public void ownerAccessLocked(OwnerLockedAlert alert) {
        notifier.ownerAccessLocked(alert);
    }
}
