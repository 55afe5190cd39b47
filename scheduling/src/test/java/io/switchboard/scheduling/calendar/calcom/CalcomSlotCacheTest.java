package io.switchboard.scheduling.calendar.calcom;

import io.switchboard.models.Appointment;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.availability.SlotQuery;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.testing.FakeCalcom;
import io.switchboard.scheduling.testing.SchedulingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.switchboard.scheduling.calendar.calcom.CalcomStand.DRAINS;
import static io.switchboard.scheduling.calendar.calcom.CalcomStand.SECRET;
import static io.switchboard.scheduling.calendar.calcom.CalcomStand.TUESDAY;
import static io.switchboard.scheduling.calendar.calcom.CalcomStand.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cal.com's slots kept briefly: counted as {@code GET /v2/slots} requests the loopback fake receives. Time is the
 * fixture's clock, moved by hand.
 */
class CalcomSlotCacheTest {

    private final CalcomStand stand = new CalcomStand();
    private final SchedulingFixture fx = stand.fx;
    private final FakeCalcom cal = stand.cal;
    private final Scheduling scheduling = stand.scheduling;

    @AfterEach
    void close() {
        stand.close();
    }

    @Test
    void aConversationsSeveralLookUpsAskCalcomOnceUntilTheTtlRunsOut() {
        cal.offer(DRAINS, at(9, 0), at(14, 0));

        List<TimeSlot> offer = tuesday();
        tuesday();
        scheduling.availability().openRanges("drain-cleaning", TUESDAY);
        fx.clock().advance(CalcomSlotCache.DEFAULT_TTL.minusSeconds(1));
        tuesday();

        assertThat(offer).extracting(s -> s.start().toInstant()).containsExactly(at(9, 0), at(14, 0));
        assertThat(slotRequests()).isEqualTo(1);

        fx.clock().advance(Duration.ofSeconds(1));
        tuesday();
        assertThat(slotRequests()).as("asked again once the ttl is over").isEqualTo(2);
    }

    @Test
    void ourOwnBookingAndCancellationForgetTheSlotsTheyChanged() {
        cal.offer(DRAINS, at(9, 0), at(14, 0));
        tuesday();

        Appointment booked = success(scheduling.bookings().book(request(LocalTime.of(14, 0))));
        int afterBooking = slotRequests();
        assertThat(starts(tuesday())).containsExactly(at(9, 0));
        assertThat(slotRequests()).as("the booked day is asked for again").isEqualTo(afterBooking + 1);

        success(scheduling.bookings().cancel(booked.id(), SchedulingFixture.TEST_ACTOR));
        assertThat(scheduling.calendarOutbox().drain(stand.calcom.cancelSink(), 10).stoppedOnFailure()).isFalse();
        assertThat(starts(tuesday())).as("the cancelled time is offered again").containsExactly(at(9, 0), at(14, 0));
        assertThat(slotRequests()).isEqualTo(afterBooking + 2);
    }

    @Test
    void aSlotTakenInCalcomAfterTheOfferIsStillSlotTakenWithFreshAlternatives() {
        cal.offer(DRAINS, at(9, 0), at(14, 0), at(16, 0));
        tuesday();
        cal.bookElsewhere(DRAINS, at(14, 0)); // Cal.com gives 14:00 away; the kept offer does not know yet
        assertThat(starts(tuesday())).contains(at(14, 0));

        BookingResult result = scheduling.bookings().book(request(LocalTime.of(14, 0)));

        assertThat(result).isInstanceOf(BookingResult.SlotTaken.class);
        assertThat(((BookingResult.SlotTaken) result).alternatives()).extracting(s -> s.start().toInstant())
                .containsExactlyInAnyOrder(at(9, 0), at(16, 0));
        assertThat(fx.count("select count(*) from appointment")).isZero();
    }

    @Test
    void anAuthenticWebhookForgetsTheSlotsAForgedOneDoesNot() {
        cal.offer(DRAINS, at(9, 0), at(14, 0));
        tuesday();
        cal.bookElsewhere(DRAINS, at(9, 0)); // booked in Cal.com's own booking page
        byte[] body = ("{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":{\"uid\":\"elsewhere\"}}")
                .getBytes(StandardCharsets.UTF_8);

        stand.webhook.handle(body, new CalcomSignature("not-the-secret").sign(body));
        assertThat(starts(tuesday())).as("a forged delivery changes nothing").contains(at(9, 0));
        assertThat(stand.webhook.handle(body, new CalcomSignature(SECRET).sign(body)))
                .isInstanceOf(CalcomWebhook.Outcome.Ignored.class);

        assertThat(starts(tuesday())).containsExactly(at(14, 0));
        assertThat(slotRequests()).isEqualTo(2);
    }

    @Test
    void aFetchThatRacedAForgetIsAnsweredButNotKept() {
        CalcomSlotCache cache = new CalcomSlotCache(fx.clock(), Duration.ofMinutes(1), ZoneId.of("Europe/London"));
        AtomicInteger fetches = new AtomicInteger();
        Set<Instant> first = cache.starts(DRAINS, TUESDAY, TUESDAY, (type, from, to) -> {
            fetches.incrementAndGet();
            cache.forget(DRAINS, TUESDAY); // a booking lands while Cal.com is answering
            return Set.of(at(9, 0));
        });
        Set<Instant> second = cache.starts(DRAINS, TUESDAY, TUESDAY, (type, from, to) -> {
            fetches.incrementAndGet();
            return Set.of(at(14, 0));
        });
        cache.starts(DRAINS, TUESDAY, TUESDAY, (type, from, to) -> {
            throw new AssertionError("kept: no fetch");
        });

        assertThat(first).containsExactly(at(9, 0));
        assertThat(second).containsExactly(at(14, 0));
        assertThat(fetches).hasValue(2);
    }

    @Test
    void onlyTheDaysNotKeptAreFetchedAsOneSpan() {
        CalcomSlotCache cache = new CalcomSlotCache(fx.clock(), Duration.ofMinutes(1), ZoneId.of("Europe/London"));
        cache.starts(DRAINS, TUESDAY, TUESDAY, (type, from, to) -> Set.of(at(9, 0)));
        List<LocalDate[]> asked = new java.util.ArrayList<>();

        Set<Instant> week = cache.starts(DRAINS, TUESDAY.minusDays(1), TUESDAY.plusDays(2), (type, from, to) -> {
            asked.add(new LocalDate[] {from, to});
            return Set.of(at(14, 0), at(9, 0).plus(Duration.ofDays(2)));
        });

        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).containsExactly(TUESDAY.minusDays(1), TUESDAY.plusDays(2));
        assertThat(week).contains(at(9, 0).plus(Duration.ofDays(2)), at(14, 0));
    }

    private List<TimeSlot> tuesday() {
        return scheduling.availability().findSlots(SlotQuery.on("drain-cleaning", TUESDAY, 20));
    }

    private static List<Instant> starts(List<TimeSlot> slots) {
        return slots.stream().map(s -> s.start().toInstant()).toList();
    }

    private int slotRequests() {
        return (int) cal.requests().stream().filter("GET /v2/slots"::equals).count();
    }

    private BookingRequest request(LocalTime at) {
        return stand.request(at, "07700 900123");
    }

    private Instant at(int hour, int minute) {
        return stand.at(hour, minute);
    }
}
