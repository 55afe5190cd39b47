package io.switchboard.dialog;

/**
 * Tells the owner about an emergency at once. Implementations must not block the caller's turn for long:
 * hand the alert to a queue or executor. The SMS implementation lives with the text channels.
 */
public interface Notifier {

    void emergency(EmergencyAlert alert);

    /**
     * Owner access was just locked after too many wrong PINs (possibly someone else guessing with a spoofed caller
     * ID): tell the owner. Never carries a PIN. The default only logs, for notifiers with no way to reach the owner.
     */
    default void ownerAccessLocked(OwnerLockedAlert alert) {
        org.slf4j.LoggerFactory.getLogger(Notifier.class).warn("owner access locked until {} after wrong PINs (last on {})",
                alert.until(), alert.channel().wireName());
    }
}
