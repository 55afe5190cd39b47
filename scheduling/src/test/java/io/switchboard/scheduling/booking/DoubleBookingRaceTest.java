package io.switchboard.scheduling.booking;

import io.switchboard.models.BookingRules;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Many callers racing for one slot: the database lets exactly one win. */
class DoubleBookingRaceTest {

    private static final int CALLERS = 50;
    private static final LocalDateTime MONDAY_7AM = LocalDateTime.of(2026, 11, 23, 7, 0);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    private SchedulingFixture fx;

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void fiftyCallersForTheSameSlotBookItOnce() throws Exception {
        fx = new SchedulingFixture(TestProfiles.sample(), MONDAY_7AM);

        List<BookingResult> results = race(i -> fx.request("general-repair", TUESDAY.atTime(10, 0), phone(i)));

        assertThat(results).filteredOn(BookingResult::succeeded).hasSize(1);
        assertThat(results).filteredOn(r -> !r.succeeded()).hasSize(CALLERS - 1)
                .allSatisfy(r -> assertThat(r).isInstanceOf(BookingResult.SlotTaken.class));
        assertThat(fx.count("select count(*) from appointment where status = 'BOOKED'")).isEqualTo(1);
        assertThat(fx.count("select booked from day_booking_count")).isEqualTo(1);
    }

    @Test
    void overlappingButUnequalSlotsAlsoBookOnce() throws Exception {
        fx = new SchedulingFixture(TestProfiles.sample(), MONDAY_7AM);
        // 10:00, 10:30, 11:00 one-hour jobs with a 30-minute buffer: every pair overlaps
        LocalDateTime[] starts = {TUESDAY.atTime(10, 0), TUESDAY.atTime(10, 30), TUESDAY.atTime(11, 0)};

        List<BookingResult> results = race(i -> fx.request("general-repair", starts[i % 3], phone(i)));

        assertThat(results).filteredOn(BookingResult::succeeded).hasSize(1);
        assertThat(fx.count("select count(*) from appointment")).isEqualTo(1);
    }

    @Test
    void concurrentRetriesOfOneRequestBookOnceAndAllSeeIt() throws Exception {
        fx = new SchedulingFixture(TestProfiles.sample(), MONDAY_7AM);
        BookingRequest base = fx.request("general-repair", TUESDAY.atTime(10, 0), phone(0));
        BookingRequest keyed = new BookingRequest("same-call", base.serviceId(), base.start(), base.phone(),
                base.name(), base.address(), base.problem(), false, base.actor());

        List<BookingResult> results = race(i -> keyed);

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(BookingResult.Success.class));
        assertThat(results).extracting(r -> ((BookingResult.Success) r).appointment().id()).containsOnly(
                ((BookingResult.Success) results.get(0)).appointment().id());
        assertThat(results).filteredOn(r -> !((BookingResult.Success) r).replayed()).hasSize(1);
        assertThat(fx.count("select count(*) from appointment")).isEqualTo(1);
    }

    @Test
    void theDailyCapHoldsUnderARace() throws Exception {
        fx = new SchedulingFixture(TestProfiles.sampleWithRules(r -> new BookingRules(r.bufferBetweenJobs(),
                r.minimumNotice(), r.bookingHorizon(), 3, r.slotStep())), MONDAY_7AM);
        // ten distinct, non-overlapping one-hour slots (08:00, 09:30, ... with buffers respected)
        List<BookingResult> results = race(i -> fx.request("general-repair",
                TUESDAY.atTime(8, 0).plusMinutes(90L * (i % 6)), phone(i)));

        assertThat(results).filteredOn(BookingResult::succeeded).hasSize(3);
        assertThat(fx.count("select count(*) from appointment")).isEqualTo(3);
        assertThat(fx.count("select booked from day_booking_count")).isEqualTo(3);
    }

    @Test
    void theDatabaseRefusesOverlapsEvenWithoutTheJavaChecks() {
        fx = new SchedulingFixture(TestProfiles.sample(), MONDAY_7AM);
        fx.database().dsl().execute("insert into customer values ('+447700900123', '', '', now(), now())");
        String insert = "insert into appointment (id, service_id, starts_at, ends_at, blocked_until, local_day, status,"
                + " customer_phone, channel, created_at, updated_at) values (gen_random_uuid(), 'general-repair',"
                + " timestamptz '%s', timestamptz '%s', timestamptz '%s', date '2026-11-24', '%s', '+447700900123',"
                + " 'WEB', now(), now())";
        fx.database().dsl().execute(insert.formatted("2026-11-24 10:00Z", "2026-11-24 11:00Z", "2026-11-24 11:30Z", "BOOKED"));

        assertThatThrownBy(() -> fx.database().dsl().execute(
                insert.formatted("2026-11-24 11:15Z", "2026-11-24 12:15Z", "2026-11-24 12:45Z", "BOOKED")))
                .isInstanceOfSatisfying(org.jooq.exception.DataAccessException.class,
                        e -> assertThat(e.sqlState()).isEqualTo("23P01"));
        // a cancelled row does not hold its range, and touching ranges do not overlap
        fx.database().dsl().execute(insert.formatted("2026-11-24 10:30Z", "2026-11-24 11:30Z", "2026-11-24 12:00Z", "CANCELLED"));
        fx.database().dsl().execute(insert.formatted("2026-11-24 11:30Z", "2026-11-24 12:30Z", "2026-11-24 13:00Z", "BOOKED"));
        assertThat(fx.count("select count(*) from appointment where status = 'BOOKED'")).isEqualTo(2);
    }

    private static String phone(int i) {
        return String.format("+4477009%05d", i);
    }

    private List<BookingResult> race(IntFunction<BookingRequest> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch ready = new CountDownLatch(CALLERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<BookingResult>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                BookingRequest r = request.apply(i);
                Callable<BookingResult> task = () -> {
                    ready.countDown();
                    go.await();
                    return fx.scheduling().bookings().book(r);
                };
                futures.add(pool.submit(task));
            }
            ready.await();
            go.countDown();
            List<BookingResult> results = new ArrayList<>();
            for (Future<BookingResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
