package io.switchboard.telephony.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecipientRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RecipientRateLimiter limiter =
            new RecipientRateLimiter(3, Duration.ofMinutes(1), now::get, 100);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void allowsABurstThenRefusesUntilATokenRefills() {
        assertThat(limiter.tryAcquire("+447700900123")).isTrue();
        assertThat(limiter.tryAcquire("+447700900123")).isTrue();
        assertThat(limiter.tryAcquire("+447700900123")).isTrue();
        assertThat(limiter.tryAcquire("+447700900123")).isFalse();

        advance(Duration.ofSeconds(59));
        assertThat(limiter.tryAcquire("+447700900123")).isFalse();
        advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("+447700900123")).isTrue();
        assertThat(limiter.tryAcquire("+447700900123")).isFalse();
    }

    @Test
    void recipientsHaveSeparateBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("+447700900123");
        }
        assertThat(limiter.tryAcquire("+447700900123")).isFalse();
        assertThat(limiter.tryAcquire("+447700900456")).isTrue();
    }

    @Test
    void anIdleRecipientGetsAFullBurstBackButNoMore() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("+447700900123");
        }
        advance(Duration.ofHours(5));
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            allowed += limiter.tryAcquire("+447700900123") ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(3);
    }

    @Test
    void refusalsDoNotConsumeTokens() {
        for (int i = 0; i < 50; i++) {
            limiter.tryAcquire("+447700900123");
        }
        advance(Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire("+447700900123")).isTrue();
    }

    @Test
    void idleEntriesAreDroppedOnceTooManyAreTracked() {
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("+4477009" + (10000 + i));
        }
        assertThat(limiter.trackedRecipients()).isEqualTo(100);
        advance(Duration.ofMinutes(3)); // every bucket above is full again
        limiter.tryAcquire("+447700999999");
        assertThat(limiter.trackedRecipients()).isEqualTo(1);
    }
}
