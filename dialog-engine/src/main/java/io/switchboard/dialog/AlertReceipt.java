package io.switchboard.dialog;

/**
 * What a {@link Notifier} did with an emergency alert, so the caller is told only what is true: "we've alerted the
 * team" only when {@link #ownerWillBeTold()}.
 */
public sealed interface AlertReceipt {

    /** Accepted for delivery: stored durably, so it is delivered (retried, aggregated) even across a restart. */
    record Queued() implements AlertReceipt {
    }

    /** This conversation's alert was queued before; one alert per conversation. */
    record AlreadyQueued() implements AlertReceipt {
    }

    /** Nothing can reach the owner (no SMS provider configured): the alert was only logged. */
    record NotConfigured() implements AlertReceipt {
    }

    /** It could not be queued (the database refused it); {@code reason} is short and PII-free. */
    record NotQueued(String reason) implements AlertReceipt {
    }

    AlertReceipt QUEUED = new Queued();
    AlertReceipt ALREADY_QUEUED = new AlreadyQueued();
    AlertReceipt NOT_CONFIGURED = new NotConfigured();

    /** True when the owner is going to get this alert, so the caller may be told so. */
    default boolean ownerWillBeTold() {
        return this instanceof Queued || this instanceof AlreadyQueued;
    }
}
