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
     * Owner access was just locked after too many wrong PINs (possibly someone else guessing with a spoofed caller
     * ID): tell the owner. Never carries a PIN. The default only logs, for notifiers with no way to reach the owner.
     */
    default void ownerAccessLocked(OwnerLockedAlert alert) {
        org.slf4j.LoggerFactory.getLogger(Notifier.class).warn("owner access locked until {} after wrong PINs (last on {})",
                alert.until(), alert.channel().wireName());
    }
}
