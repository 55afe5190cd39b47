package io.switchboard.telephony.ratelimit;

import java.time.Duration;
import java.util.Objects;

/** What a {@link RateLimiter} says about one more message. */
public sealed interface RateDecision {

    boolean allowed();

    /** The message may go ahead. */
    record Allowed() implements RateDecision {
        @Override
        public boolean allowed() {
            return true;
        }
    }

    /**
     * The message is over the limit.
     *
     * @param retryAfter   when the next one would be allowed, at least one second
     * @param firstRefusal true for the first refusal since the key was last allowed: the one moment a polite "slow
     *                     down" reply is worth its cost; later refusals are answered with silence
     */
    record Refused(Duration retryAfter, boolean firstRefusal) implements RateDecision {
        public Refused {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        @Override
        public boolean allowed() {
            return false;
        }

        /** Whole seconds for a {@code Retry-After} header, rounded up. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
