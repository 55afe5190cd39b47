package io.switchboard.scheduling.calendar;

import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.jooq.JSONB;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarRelayTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private final SchedulingFixture fx = new SchedulingFixture(TestProfiles.sample(), LocalDateTime.of(2026, 11, 23, 7, 0));

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void afterAFailureTheRelayWaitsOnTheClockBeforeTryingAgain() {
        append("BOOKED");
        AtomicBoolean calendarDown = new AtomicBoolean(true);
        AtomicInteger attempts = new AtomicInteger();
        CalendarSink sink = change -> {
            attempts.incrementAndGet();
            if (calendarDown.get()) {
                throw new IOException("calendar unavailable");
            }
        };
        CalendarRelay relay = new CalendarRelay(fx.scheduling().calendarOutbox(), sink, fx.clock(), INTERVAL,
                Duration.ofMinutes(5));

        assertThat(relay.runOnce()).isZero();
        assertThat(attempts).hasValue(1);
        assertThat(relay.runOnce()).as("still backing off").isZero();
        assertThat(attempts).hasValue(1);

        fx.clock().advance(INTERVAL);
        calendarDown.set(false);
        assertThat(relay.runOnce()).isEqualTo(1);
        assertThat(attempts).hasValue(2);
        assertThat(fx.scheduling().calendarOutbox().pending(10)).isEmpty();
    }

    @Test
    void theBackoffDoublesUpToItsCap() {
        CalendarRelay relay = new CalendarRelay(fx.scheduling().calendarOutbox(), change -> { }, fx.clock(), INTERVAL,
                Duration.ofSeconds(60));

        assertThat(List.of(relay.backoff(1), relay.backoff(2), relay.backoff(3), relay.backoff(4), relay.backoff(5),
                relay.backoff(40))).extracting(Duration::toSeconds).containsExactly(5L, 10L, 20L, 40L, 60L, 60L);
    }

    @Test
    void aStartedRelayDeliversInTheBackgroundAndFlushesOnClose() {
        List<String> pushed = new CopyOnWriteArrayList<>();
        CalendarRelay relay = new CalendarRelay(fx.scheduling().calendarOutbox(), change -> pushed.add(change.kind()),
                fx.clock(), Duration.ofMillis(50), Duration.ofSeconds(1)).start();
        try {
            append("BOOKED");
            waitUntil(() -> pushed.size() == 1);
        } finally {
            relay.close();
        }
        append("CANCELLED");
        assertThat(pushed).containsExactly("BOOKED");

        CalendarRelay another = new CalendarRelay(fx.scheduling().calendarOutbox(), change -> pushed.add(change.kind()),
                fx.clock(), Duration.ofHours(1), Duration.ofHours(1)).start();
        waitUntil(() -> pushed.size() == 2);
        append("RESCHEDULED");
        another.close();
        assertThat(pushed).as("the last pass on close delivers what arrived since").containsExactly("BOOKED",
                "CANCELLED", "RESCHEDULED");
    }

    @Test
    void closingWhileASlowCalendarIsBehindReturnsInBoundedTime() {
        for (int i = 0; i < 30; i++) {
            append("BOOKED");
        }
        java.util.concurrent.atomic.AtomicInteger pushed = new java.util.concurrent.atomic.AtomicInteger();
        CalendarSink slow = change -> {
            Thread.sleep(500);
            pushed.incrementAndGet();
        };
        CalendarRelay relay = new CalendarRelay(fx.scheduling().calendarOutbox(), slow, java.time.Clock.systemUTC(),
                Duration.ofMillis(50), Duration.ofSeconds(1)).start();
        waitUntil(() -> pushed.get() >= 1);

        long started = System.nanoTime();
        relay.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - started);

        // The pass under way stops after its change; the flush after FLUSH_WITHIN plus the push it is in.
        assertThat(closing).isLessThan(CalendarRelay.FLUSH_WITHIN.plusSeconds(2));
        assertThat(fx.scheduling().calendarOutbox().pending(100)).as("the rest waits for the next start").isNotEmpty()
                .hasSize(30 - pushed.get());
    }

    @Test
    void aBadScheduleIsRefused() {
        assertThatThrownBy(() -> new CalendarRelay(fx.scheduling().calendarOutbox(), change -> { }, fx.clock(),
                Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void append(String kind) {
        fx.scheduling().calendarOutbox().append(fx.database().dsl(), UUID.nameUUIDFromBytes(new byte[]{1}), kind,
                JSONB.valueOf("{}"));
    }
}
