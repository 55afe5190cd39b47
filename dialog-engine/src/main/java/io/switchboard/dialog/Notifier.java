package io.switchboard.dialog;

/**
 * Tells the owner about an emergency at once. Implementations must not block the caller's turn for long:
 * hand the alert to a queue or executor. The SMS implementation lives with the text channels.
 */
public interface Notifier {

    void emergency(EmergencyAlert alert);
}
