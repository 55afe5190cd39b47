package io.switchboard.telephony.ratelimit;

import io.switchboard.scheduling.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket on an injected clock: people typing fast always pass, scripts are stopped. No sleeps. */
class InMemoryRateLimiterTest {

    private final MutableClock clock = MutableClock.at(ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneOffset.UTC));
    private final RateLimiter limiter = new InMemoryRateLimiter(RateLimit.PER_SENDER, clock);

    @Test
    void twentyAtOnceEveryMinuteForAnHourAllPass() {
        for (int minute = 0; minute < 60; minute++) {
            for (int i = 0; i < 20; i++) {
                assertThat(limiter.acquire("sms:+447700900123").allowed()).as("minute %d message %d", minute, i).isTrue();
            }
            clock.advance(Duration.ofSeconds(60));
        }
    }

    @Test
    void twentyAtTheEndOfOneMinuteAndTwentyAtTheStartOfTheNextPass() {
        // 40 within a second, but never more than 20 inside any 60 s window.
        clock.advance(Duration.ofSeconds(59));
        sendEach(20, Duration.ofMillis(10));
        clock.advance(Duration.ofSeconds(60).minus(Duration.ofMillis(200)));
        assertThat(sendEach(20, Duration.ofMillis(10))).containsOnly(true);
    }

    @Test
    void anyRhythmWithAtMostTwentyInEveryMinutePasses() {
        Random random = new Random(42);
        for (int run = 0; run < 50; run++) {
            RateLimiter fresh = new InMemoryRateLimiter(RateLimit.PER_SENDER, clock);
            List<Long> sent = new ArrayList<>();
            long now = clock.millis();
            for (int n = 0; n < 300; n++) {
                now += random.nextInt(4) == 0 ? random.nextInt(20_000) : random.nextInt(800);
                // Keep the person's rule: never a 21st message inside any 60 s window.
                while (inLastMinute(sent, now) >= 20) {
                    now += 500;
                }
                clock.advance(Duration.ofMillis(now - clock.millis()));
                sent.add(now);
                assertThat(fresh.acquire("web:s").allowed()).as("run %d message %d", run, n).isTrue();
            }
        }
    }

    @Test
    void aScriptSendingHundredsGetsTheBurstThenTheSteadyRate() {
        List<Boolean> results = sendEach(500, Duration.ofMillis(20)); // 50 a second for 10 s

        long allowed = results.stream().filter(b -> b).count();
        // 30 at once, then 30 a minute: 5 more in the 10 s the script ran.
        assertThat(allowed).isBetween(34L, 36L);
        assertThat(results.subList(0, 30)).containsOnly(true);
    }

    @Test
    void onlyTheFirstRefusalAsksForAPoliteReplyUntilTheSenderPauses() {
        sendEach(30, Duration.ZERO);
        RateDecision first = limiter.acquire("k");
        RateDecision second = limiter.acquire("k");
        clock.advance(Duration.ofSeconds(2));
        assertThat(limiter.acquire("k").allowed()).as("one token back after 2 s").isTrue();
        RateDecision third = limiter.acquire("k");

        assertThat(first).isInstanceOfSatisfying(RateDecision.Refused.class, r -> {
            assertThat(r.firstRefusal()).isTrue();
            assertThat(r.retryAfterSeconds()).isEqualTo(2);
        });
        assertThat(second).isInstanceOfSatisfying(RateDecision.Refused.class, r -> assertThat(r.firstRefusal()).isFalse());
        assertThat(third).as("still the same flood").isInstanceOfSatisfying(RateDecision.Refused.class,
                r -> assertThat(r.firstRefusal()).isFalse());

        clock.advance(Duration.ofMinutes(1));
        sendEach(30, Duration.ZERO);
        assertThat(limiter.acquire("k")).as("a new flood after a full pause").isInstanceOfSatisfying(
                RateDecision.Refused.class, r -> assertThat(r.firstRefusal()).isTrue());
    }

    @Test
    void keysAreIndependent() {
        sendEach(40, Duration.ZERO);

        assertThat(limiter.acquire("other").allowed()).isTrue();
    }

    @Test
    void fullBucketsAreDroppedWhenTheMapGrowsPastItsBound() {
        InMemoryRateLimiter small = new InMemoryRateLimiter(RateLimit.PER_SENDER, clock, 100);
        for (int i = 0; i < 100; i++) {
            small.acquire("sender-" + i);
        }
        clock.advance(Duration.ofMinutes(1));
        small.acquire("one-more");

        assertThat(small.trackedKeys()).isEqualTo(1);
    }

    @Test
    void pruningForgetsOnlyRefilledBuckets() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(RateLimit.PER_SENDER, clock);
        limiter.acquire("quiet");
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 31; i++) {
            limiter.acquire("busy");
        }

        assertThat(limiter.pruneIdle()).isEqualTo(1);
        assertThat(limiter.acquire("busy").allowed()).as("the busy bucket was kept").isFalse();
    }

    private static long inLastMinute(List<Long> sent, long now) {
        return sent.stream().filter(t -> t > now - 60_000).count();
    }

    private List<Boolean> sendEach(int count, Duration gap) {
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(limiter.acquire("k").allowed());
            clock.advance(gap);
        }
        return out;
    }
}
