package io.switchboard.telephony.ratelimit;

import java.time.Duration;

/**
 * A token bucket: {@code burst} messages at once, refilled at {@code perMinute} a minute.
 *
 * <p>With {@code burst} and {@code perMinute} both at least 30, anyone sending at most 20 messages in any 60 s is
 * never refused, whatever the rhythm: from the last moment the bucket was full, k started minutes hold at most 20k
 * messages and refill at least 30(k-1) tokens, so at least 10 are always left. A script sending hundreds gets the
 * burst and then {@code perMinute}.
 */
public record RateLimit(int burst, int perMinute) {

    /** One sender (a phone number, a web session): generous for a person typing fast. */
    public static final RateLimit PER_SENDER = new RateLimit(30, 30);
    /** One client address: several visitors may share an office or mobile-carrier NAT. */
    public static final RateLimit PER_ADDRESS = new RateLimit(120, 120);

    public RateLimit {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("burst and perMinute must be at least 1, were " + burst + " and "
                    + perMinute);
        }
    }

    /** Milliseconds for one token to come back. */
    double millisPerToken() {
        return Duration.ofMinutes(1).toMillis() / (double) perMinute;
    }
}
