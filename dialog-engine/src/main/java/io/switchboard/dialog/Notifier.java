package io.switchboard.dialog;

/**
 * Tells the owner about an emergency. Implementations must not block the caller's turn for long: they queue the
 * alert (durably, when it is to be delivered) and deliver it elsewhere. The SMS implementation lives with the text
 * channels.
 */
public interface Notifier {

    /**
     * Queues the alert. Never throws for a delivery problem: the answer says what happened, and only a receipt whose
     * {@link AlertReceipt#ownerWillBeTold()} is true allows telling the caller "we've alerted the team".
     */
    AlertReceipt emergency(EmergencyAlert alert);

    /**
     * Whether this deployment can text callers (SMS is configured, so a voice booking's details follow by text).
     * Without it no reply may promise a text.
     */
    default boolean textsCallers() {
        return false;
    }

    /**
     * Tells the owner a caller wants a person (asked for one, asked to be called back, or the conversation got stuck):
     * a text at once where SMS is configured, and a message to call back in the owner's list. Never throws for a
     * delivery problem; only {@link AlertReceipt#ownerWillBeTold()} allows "I've let Sam know", only
     * {@link AlertReceipt#messageKept()} allows "I've left a message". The default reaches nobody and says so.
     */
    default AlertReceipt handOff(HandOffNote note) {
        org.slf4j.LoggerFactory.getLogger(Notifier.class).warn("caller on {} wants a person ({}); configure SMS to "
                + "text the owner", note.channel().wireName(), note.reason());
        return AlertReceipt.NOT_CONFIGURED;
    }

    /**
     * The number a live call may be put through to ({@code SWITCHBOARD_TRANSFER_NUMBER}), when the deployment can
     * transfer calls; the dialog offers a transfer only within the business's opening hours.
     */
    default java.util.Optional<String> liveTransferNumber() {
        return java.util.Optional.empty();
    }

    /**
     * Owner access was just locked after too many wrong PINs (possibly someone else guessing with a spoofed caller
     * ID): tell the owner. Never carries a PIN. The default only logs, for notifiers with no way to reach the owner.
     */
    default void ownerAccessLocked(OwnerLockedAlert alert) {
        org.slf4j.LoggerFactory.getLogger(Notifier.class).warn("owner access locked until {} after wrong PINs (last on {})",
                alert.until(), alert.channel().wireName());
    }
}
