package io.switchboard.telephony.calllog;

import static io.switchboard.scheduling.db.Tables.CALL_TURN;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.testing.MutableClock;
import io.switchboard.scheduling.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The call log in a real (embedded) PostgreSQL: storing, reading, the bounded writer and the retention purge. */
class CallLogStoreTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant T0 = ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, LONDON).toInstant();

    private static Database database;
    private static CallLogStore store;

    @BeforeAll
    static void open() {
        database = TestDatabase.freshSchema();
        store = new CallLogStore(database.dsl());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static LoggedCall call(String sid, Instant start, CallOutcome outcome) {
        UUID appointment = outcome == CallOutcome.BOOKED ? UUID.randomUUID() : null;
        List<LoggedTurn> turns = List.of(
                new LoggedTurn(1, "greeting", null, null, "Hello, Bristol Plumbing.", "greeting", "idle",
                        start.plusSeconds(2), null, null, 12, 80, 95, false),
                new LoggedTurn(2, "speech", "drain cleaning tomorrow at two", 0.82, "I can do 14:00. Shall I book it?",
                        "book", "awaiting_confirmation", start.plusSeconds(9), 400, 120, 30, 60, 215, true),
                new LoggedTurn(3, "keypad", "1", null, "Booked.", "book", "booked", start.plusSeconds(15), null,
                        null, 40, 50, 90, false));
        return LoggedCall.of(sid, "+447700900123", start, start.plusSeconds(20), outcome, appointment,
                "Booked: drain cleaning Tue 14:00", turns);
    }

    @Test
    void aStoredCallIsReadBackWithItsTurnsInOrder() {
        LoggedCall stored = call("CA-store-1", T0, CallOutcome.BOOKED);
        assertThat(store.save(stored)).isTrue();

        LoggedCall read = store.find("CA-store-1").orElseThrow();

        assertThat(read).isEqualTo(stored);
        assertThat(read.turns()).extracting(LoggedTurn::heard)
                .containsExactly(null, "drain cleaning tomorrow at two", "1");
        assertThat(read.turns().get(1).confidence()).isEqualTo(0.82);
        assertThat(read.turns().get(0).sttMs()).isNull();
        assertThat(store.find("CA-unknown")).isEmpty();
    }

    @Test
    void aCallStoredTwiceIsKeptOnceAsFirstWritten() {
        assertThat(store.save(call("CA-twice", T0, CallOutcome.QUESTION))).isTrue();
        assertThat(store.save(call("CA-twice", T0, CallOutcome.BOOKED))).isFalse();

        assertThat(store.find("CA-twice").orElseThrow().outcome()).isEqualTo(CallOutcome.QUESTION);
    }

    @Test
    void listingsAreNewestFirstFromTheGivenTimeWithTurnCountsButNoTurns() {
        Instant base = T0.plus(Duration.ofDays(100));
        store.save(call("CA-list-old", base.minus(Duration.ofDays(3)), CallOutcome.ABANDONED));
        store.save(call("CA-list-a", base.minus(Duration.ofHours(5)), CallOutcome.BOOKED));
        store.save(call("CA-list-b", base.minus(Duration.ofHours(1)), CallOutcome.HAND_OFF));

        List<LoggedCall> listed = store.since(base.minus(Duration.ofDays(1)));

        assertThat(listed).extracting(LoggedCall::callSid).containsExactly("CA-list-b", "CA-list-a");
        assertThat(listed).allSatisfy(c -> {
            assertThat(c.turns()).isEmpty();
            assertThat(c.turnCount()).isEqualTo(3);
        });
    }

    @Test
    void retentionDeletesCallsAndTheirTurnsOnlyOnceTheyAreOlderThanItsPeriod() {
        Database own = TestDatabase.freshSchema();
        try {
            CallLogStore calls = new CallLogStore(own.dsl());
            MutableClock clock = new MutableClock(T0, LONDON);
            CallLogRetention retention = new CallLogRetention(calls, clock, Duration.ofDays(30));
            calls.save(call("CA-old", T0, CallOutcome.BOOKED));
            calls.save(call("CA-newer", T0.plus(Duration.ofDays(2)), CallOutcome.QUESTION));

            clock.advance(Duration.ofDays(30).minusMinutes(1));
            assertThat(retention.purge()).isZero();

            clock.advance(Duration.ofMinutes(2));
            assertThat(retention.purge()).isEqualTo(1);
            assertThat(calls.find("CA-old")).isEmpty();
            assertThat(calls.find("CA-newer")).isPresent();
            assertThat(own.dsl().fetchCount(CALL_TURN,
                    CALL_TURN.CALL_SID.eq("CA-old"))).isZero();

            clock.advance(Duration.ofDays(2));
            assertThat(retention.purge()).isEqualTo(1);
            assertThat(calls.since(T0.minus(Duration.ofDays(1)))).isEmpty();
        } finally {
            own.close();
        }
    }

    @Test
    void theWriterStoresOnItsOwnThread() throws Exception {
        try (CallLogWriter writer = new CallLogWriter(store)) {
            assertThat(writer.submit(call("CA-writer", T0, CallOutcome.BOOKED))).isTrue();
            awaitStored(writer, 1);
        }
        assertThat(store.find("CA-writer")).isPresent();
    }

    @Test
    void aFullQueueDropsTheCallWithACountInsteadOfWaiting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        List<String> written = new CopyOnWriteArrayList<>();
        CallLogWriter writer = new CallLogWriter(call -> {
            busy.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(call.callSid());
        }, 1);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        writer.withMetrics(new Metrics(registry));
        try {
            assertThat(writer.submit(call("CA-q1", T0, CallOutcome.BOOKED))).isTrue();
            assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue(); // the store is stuck on the first call
            assertThat(writer.submit(call("CA-q2", T0, CallOutcome.BOOKED))).isTrue(); // fills the queue

            long before = System.nanoTime();
            boolean third = writer.submit(call("CA-q3", T0, CallOutcome.BOOKED));

            assertThat(third).isFalse();
            assertThat(System.nanoTime() - before).as("submit does not wait").isLessThan(
                    TimeUnit.MILLISECONDS.toNanos(200));
            assertThat(writer.dropped()).isEqualTo(1);
            release.countDown();
            awaitStored(writer, 2);
            assertThat(written).containsExactly("CA-q1", "CA-q2");
            assertThat(registry.get("switchboard.call.log.calls").tag("result", "dropped").functionCounter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get("switchboard.call.log.calls").tag("result", "stored").functionCounter().count())
                    .isEqualTo(2.0);
        } finally {
            release.countDown();
            writer.close();
        }
    }

    @Test
    void aFailingStoreIsCountedAndTheWriterGoesOn() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        try (CallLogWriter writer = new CallLogWriter(call -> {
            if (call.callSid().equals("CA-bad")) {
                throw new IllegalStateException("database down");
            }
            written.add(call.callSid());
        }, 4)) {
            writer.submit(call("CA-bad", T0, CallOutcome.BOOKED));
            writer.submit(call("CA-good", T0, CallOutcome.BOOKED));
            awaitStored(writer, 1);
            assertThat(writer.failed()).isEqualTo(1);
            assertThat(written).containsExactly("CA-good");
        }
    }

    private static void awaitStored(CallLogWriter writer, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.stored() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(writer.stored()).isEqualTo(n);
    }
}
