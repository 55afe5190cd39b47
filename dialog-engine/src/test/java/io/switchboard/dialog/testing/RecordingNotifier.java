package io.switchboard.dialog.testing;

import io.switchboard.dialog.AlertReceipt;
import io.switchboard.dialog.EmergencyAlert;
import io.switchboard.dialog.HandOffNote;
import io.switchboard.dialog.Notifier;
import io.switchboard.dialog.OwnerLockedAlert;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deployment's notifier as a test sees it: every emergency alert, hand-off and lockout notice the dialog sent, kept
 * in order, each queued for the owner (SMS configured) unless a test says otherwise. Whether the deployment can text
 * callers is fixed at construction, since the dialog asks before it promises a text.
 */
public final class RecordingNotifier implements Notifier {

    /** Emergency alerts, in the order sent. */
    public final List<EmergencyAlert> alerts = new CopyOnWriteArrayList<>();
    /** Hand-off notes, in the order sent. */
    public final List<HandOffNote> handOffs = new CopyOnWriteArrayList<>();
    /** Owner lockout notices, in the order sent. */
    public final List<OwnerLockedAlert> lockouts = new CopyOnWriteArrayList<>();

    private final boolean textsCallers;
    private volatile AlertReceipt handOffReceipt = AlertReceipt.QUEUED;
    private volatile String transferNumber;

    /** @param textsCallers whether the deployment has SMS to text callers */
    public RecordingNotifier(boolean textsCallers) {
        this.textsCallers = textsCallers;
    }

    /** What hand-offs answer from now on: a deployment without SMS, or one that only keeps the message. */
    public void answerHandOffsWith(AlertReceipt receipt) {
        handOffReceipt = receipt;
    }

    /** Configures a live transfer number, as {@code SWITCHBOARD_TRANSFER_NUMBER} does. */
    public void transfersTo(String number) {
        transferNumber = number;
    }

    /** How many notices of any kind were sent. */
    public int sent() {
        return alerts.size() + handOffs.size() + lockouts.size();
    }

    @Override
    public AlertReceipt emergency(EmergencyAlert alert) {
        alerts.add(alert);
        return AlertReceipt.QUEUED;
    }

    @Override
    public boolean textsCallers() {
        return textsCallers;
    }

    @Override
    public AlertReceipt handOff(HandOffNote note) {
        handOffs.add(note);
        return handOffReceipt;
    }

    @Override
    public Optional<String> liveTransferNumber() {
        return Optional.ofNullable(transferNumber);
    }

    @Override
    public void ownerAccessLocked(OwnerLockedAlert alert) {
        lockouts.add(alert);
    }
}
