package io.switchboard.scheduling.calendar;

import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.testing.MutableClock;
import io.switchboard.scheduling.testing.TestDatabase;
import org.jooq.JSONB;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two relays, as two Switchboard instances would run them (each with its own connection pool), drain one outbox
 * at the same time: every change reaches the calendar exactly once, and per appointment in the order it was made.
 */
class CalendarRelayRaceTest {

    private static final int APPOINTMENTS = 40;
    private static final int CHANGES_EACH = 5;
    private static final Pattern STEP = Pattern.compile("\"step\": ?(\\d)");
    private static final String[] KINDS = {"BOOKED", "RESCHEDULED", "RESCHEDULED", "RESCHEDULED", "CANCELLED"};

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"), ZoneId.of("Europe/London"));
    private final List<Database> databases = new ArrayList<>();

    @AfterEach
    void close() {
        databases.forEach(Database::close);
    }

    @Test
    void twoRelaysOnOneDatabaseDeliverEveryChangeExactlyOnceAndInOrderPerAppointment() throws Exception {
        Database first = track(TestDatabase.freshSchema());
        Database second = track(Database.attach(TestDatabase.jdbcUrl(), "postgres", null, first.schema()));
        CalendarOutbox outboxA = new CalendarOutbox(first.dsl(), clock);
        CalendarOutbox outboxB = new CalendarOutbox(second.dsl(), clock);
        List<UUID> appointments = new ArrayList<>();
        for (int i = 0; i < APPOINTMENTS; i++) {
            appointments.add(UUID.randomUUID());
        }
        // Each appointment's changes next to each other, so the two relays keep reaching for the same one's.
        for (UUID id : appointments) {
            for (int k = 0; k < CHANGES_EACH; k++) {
                outboxA.append(first.dsl(), id, KINDS[k], JSONB.valueOf("{\"step\":" + k + "}"));
            }
        }

        ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(() -> drainUntilEmpty("A", outboxA, deliveries, go));
            Future<Integer> b = pool.submit(() -> drainUntilEmpty("B", outboxB, deliveries, go));
            go.countDown();
            int byA = a.get(60, TimeUnit.SECONDS);
            int byB = b.get(60, TimeUnit.SECONDS);

            int total = APPOINTMENTS * CHANGES_EACH;
            assertThat(byA + byB).isEqualTo(total);
            assertThat(byA).as("relay A took part in the race").isPositive();
            assertThat(byB).as("relay B took part in the race").isPositive();
        } finally {
            pool.shutdownNow();
        }

        Map<Long, Long> timesPushed = deliveries.stream()
                .collect(Collectors.groupingBy(d -> d.change().id(), Collectors.counting()));
        assertThat(timesPushed).hasSize(APPOINTMENTS * CHANGES_EACH);
        assertThat(timesPushed.values()).containsOnly(1L);
        Map<UUID, List<Long>> orderSeen = deliveries.stream().collect(Collectors.groupingBy(
                d -> d.change().appointmentId(), Collectors.mapping(d -> d.change().id(), Collectors.toList())));
        assertThat(orderSeen).hasSize(APPOINTMENTS);
        orderSeen.values().forEach(ids -> assertThat(ids).hasSize(CHANGES_EACH).isSorted());
        assertThat(outboxA.pending(10)).isEmpty();
        assertThat(((Number) first.dsl().fetchValue("select count(*) from calendar_outbox where attempts <> 1"))
                .intValue()).isZero();
    }

    /**
     * Drains as a relay does between passes, until the outbox is empty. The calendar takes longer to accept an
     * appointment's earlier changes than its later ones, so a later change pushed alongside an earlier one would be
     * seen first.
     */
    private static int drainUntilEmpty(String relay, CalendarOutbox outbox, ConcurrentLinkedQueue<Delivery> log,
                                       CountDownLatch go) throws Exception {
        CalendarSink sink = change -> {
            Matcher step = STEP.matcher(change.payload());
            assertThat(step.find()).isTrue();
            Thread.sleep(CHANGES_EACH - Integer.parseInt(step.group(1)));
            log.add(new Delivery(relay, change));
        };
        go.await();
        int delivered = 0;
        while (!outbox.pending(1).isEmpty()) {
            delivered += outbox.drain(sink, 25).delivered();
        }
        return delivered;
    }

    private Database track(Database db) {
        databases.add(db);
        return db;
    }

    private record Delivery(String relay, CalendarChange change) {
    }
}
