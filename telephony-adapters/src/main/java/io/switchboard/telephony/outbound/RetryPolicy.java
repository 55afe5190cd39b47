package io.switchboard.telephony.outbound;

import java.time.Duration;

/**
 * How transient send failures are retried: up to {@code maxAttempts} calls in total, waiting
 * {@code initialBackoff * multiplier^(n-1)} (capped at {@code maxBackoff}) before the n-th retry.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be >= 1");
        }
    }

    /** Four attempts over roughly 3.5 s: enough to ride out a provider blip, short enough for a live conversation. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), 2.0);
    }

    public static RetryPolicy noRetries() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0);
    }

    /** The wait before retry number {@code retry} (1 = the wait after the first failed attempt). */
    public Duration backoffBeforeRetry(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1");
        }
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, retry - 1);
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }
}
