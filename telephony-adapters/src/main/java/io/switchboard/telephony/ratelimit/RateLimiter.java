package io.switchboard.telephony.ratelimit;

/**
 * Counts inbound messages per key (a sender, a client address) against one {@link RateLimit}. Implementations may
 * keep the counters in the process ({@link InMemoryRateLimiter}) or in a store every instance shares
 * ({@link PostgresRateLimiter}), so a script cannot multiply its allowance by spreading over instances.
 */
public interface RateLimiter {

    /** Counts one message under {@code key} if it is allowed, and says whether it is. */
    RateDecision acquire(String key);

    /**
     * Forgets keys whose buckets have refilled completely (the same as never seen). Blocking for shared stores.
     *
     * @return how many were forgotten
     */
    default int pruneIdle() {
        return 0;
    }
}
