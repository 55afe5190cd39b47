package io.switchboard.telephony.ratelimit;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Token buckets in this process's memory, on an injected clock. Each key's bucket is updated atomically
 * ({@link ConcurrentMap#compute}); buckets that have refilled completely are the same as no bucket and are dropped
 * when the map grows past {@code maxKeys}, so a flood from many senders cannot grow it without bound for long.
 * Counters are per instance: with several instances use {@link PostgresRateLimiter}.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    public static final int DEFAULT_MAX_KEYS = 100_000;

    private final RateLimit limit;
    private final Clock clock;
    private final int maxKeys;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public InMemoryRateLimiter(RateLimit limit, Clock clock) {
        this(limit, clock, DEFAULT_MAX_KEYS);
    }

    public InMemoryRateLimiter(RateLimit limit, Clock clock, int maxKeys) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1");
        }
        this.maxKeys = maxKeys;
    }

    @Override
    public RateDecision acquire(String key) {
        Objects.requireNonNull(key, "key");
        long now = clock.millis();
        AtomicReference<RateDecision> decision = new AtomicReference<>();
        buckets.compute(key, (k, bucket) -> {
            TokenBucket.Taken taken = (bucket == null ? TokenBucket.full(limit, now) : bucket).take(limit, now);
            decision.set(taken.decision());
            return taken.bucket();
        });
        if (buckets.size() > maxKeys) {
            buckets.values().removeIf(b -> b.isFull(limit, now));
        }
        return decision.get();
    }

    @Override
    public int pruneIdle() {
        long now = clock.millis();
        int before = buckets.size();
        buckets.values().removeIf(b -> b.isFull(limit, now));
        return Math.max(0, before - buckets.size());
    }

    /** Keys currently tracked. */
    int trackedKeys() {
        return buckets.size();
    }
}
