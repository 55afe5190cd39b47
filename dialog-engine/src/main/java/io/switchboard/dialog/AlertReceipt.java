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

    /**
     * Not texted (no SMS provider) but stored in the owner's message list, so the caller may be told a message was
     * left, never that the owner was texted or alerted.
     */
    record Recorded() implements AlertReceipt {
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
    AlertReceipt RECORDED = new Recorded();

    /** True when the owner is going to get this alert, so the caller may be told so. */
    default boolean ownerWillBeTold() {
        return this instanceof Queued || this instanceof AlreadyQueued;
    }

    /** True when the owner will find the message, texted or in the message list. */
    default boolean messageKept() {
        return ownerWillBeTold() || this instanceof Recorded;
    }

    /** The wire name of what happened ({@code "queued"}, {@code "recorded"}, {@code "not_configured"}...). */
    default String wireName() {
        return switch (this) {
            case Queued q -> "queued";
            case AlreadyQueued a -> "already_queued";
            case Recorded r -> "recorded";
            case NotConfigured n -> "not_configured";
            case NotQueued n -> "failed";
        };
    }
}
