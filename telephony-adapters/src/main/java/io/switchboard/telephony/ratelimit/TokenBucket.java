package io.switchboard.telephony.ratelimit;

import java.time.Duration;

/**
 * One key's bucket and the arithmetic on it, shared by every {@link RateLimiter} so they all decide alike.
 *
 * @param tokens   messages that may still be sent at {@code at} (fractional while refilling)
 * @param at       clock millis the tokens were counted at
 * @param refusing the key was refused since its bucket was last full: further refusals are not the first, so a
 *                 sender kept at the limit gets one "slow down" reply, not one per refill
 */
record TokenBucket(double tokens, long at, boolean refusing) {

    static TokenBucket full(RateLimit limit, long now) {
        return new TokenBucket(limit.burst(), now, false);
    }

    /** The bucket at {@code now}; a bucket that refilled completely forgets it was refusing. */
    TokenBucket refilled(RateLimit limit, long now) {
        long elapsed = Math.max(0, now - at);
        double refilled = Math.min(limit.burst(), tokens + elapsed / limit.millisPerToken());
        return new TokenBucket(refilled, Math.max(at, now), refusing && refilled < limit.burst());
    }

    boolean isFull(RateLimit limit, long now) {
        return refilled(limit, now).tokens() >= limit.burst();
    }

    /** Takes one token if there is one: the bucket afterwards and the decision. */
    Taken take(RateLimit limit, long now) {
        TokenBucket current = refilled(limit, now);
        if (current.tokens >= 1) {
            return new Taken(new TokenBucket(current.tokens - 1, current.at, current.refusing),
                    new RateDecision.Allowed());
        }
        long waitMillis = (long) Math.ceil((1 - current.tokens) * limit.millisPerToken());
        return new Taken(new TokenBucket(current.tokens, current.at, true),
                new RateDecision.Refused(Duration.ofMillis(waitMillis), !current.refusing));
    }

    record Taken(TokenBucket bucket, RateDecision decision) {
    }
}
