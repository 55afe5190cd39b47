package io.switchboard.telephony.ratelimit;

import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared limiter: the same decisions as the in-memory one, and one allowance across instances. */
class PostgresRateLimiterTest {

    private static SchedulingFixture fx;

    @BeforeAll
    static void start() {
        fx = new SchedulingFixture(TestProfiles.sample(), LocalDateTime.of(2026, 11, 23, 9, 0));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static PostgresRateLimiter instance() {
        return new PostgresRateLimiter(fx.scheduling().database().dsl(), RateLimit.PER_SENDER, fx.clock(), "sender");
    }

    @Test
    void twoInstancesShareOneAllowance() {
        PostgresRateLimiter a = instance();
        PostgresRateLimiter b = instance();

        long allowed = IntStream.range(0, 60).filter(i -> (i % 2 == 0 ? a : b).acquire("sms:+447700900001").allowed())
                .count();

        assertThat(allowed).isEqualTo(30);
        RateDecision next = a.acquire("sms:+447700900001");
        assertThat(next).isInstanceOfSatisfying(RateDecision.Refused.class, r -> {
            assertThat(r.firstRefusal()).as("instance b already refused once").isFalse();
            assertThat(r.retryAfterSeconds()).isEqualTo(2);
        });
    }

    @Test
    void aPersonsTwentyAMinutePassAndTheBucketRefills() {
        PostgresRateLimiter limiter = instance();
        for (int minute = 0; minute < 3; minute++) {
            for (int i = 0; i < 20; i++) {
                assertThat(limiter.acquire("web:person").allowed()).isTrue();
            }
            fx.clock().advance(Duration.ofMinutes(1));
        }
    }

    @Test
    void idleBucketsArePruned() {
        PostgresRateLimiter limiter = instance();
        limiter.acquire("sms:+447700900002");
        fx.clock().advance(Duration.ofMinutes(2));

        assertThat(limiter.pruneIdle()).isPositive();
        assertThat(limiter.acquire("sms:+447700900002").allowed()).isTrue();
    }
}
