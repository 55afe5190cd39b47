package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SlotPlanTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Map<DayOfWeek, List<String>> WEEKDAYS = Map.of(DayOfWeek.MONDAY, List.of("08:00-18:00"),
            DayOfWeek.TUESDAY, List.of("08:00-18:00"), DayOfWeek.WEDNESDAY, List.of("08:00-12:00", "13:00-18:00"),
            DayOfWeek.THURSDAY, List.of("08:00-18:00"), DayOfWeek.FRIDAY, List.of("08:00-18:00"));

    private static final int NO_LIMIT = Integer.MAX_VALUE;

    private static BookedAppointment booked(String start, String status) {
        OffsetDateTime s = OffsetDateTime.parse(start);
        return new BookedAppointment(start, "general-repair", s, s.plusHours(1), status, "x", "+447700910009", "voice");
    }

    @Test
    void everyCallerGetsItsOwnFreeSlotClearOfBookingsAndEachOther() {
        SlotPlan plan = SlotPlan.of(MONDAY, WEEKDAYS, NO_LIMIT, List.of(booked("2026-11-24T09:00:00Z", "booked"),
                booked("2026-11-24T10:30:00Z", "booked"), booked("2026-11-24T11:00:00Z", "cancelled")), LONDON);

        List<SlotPlan.Slot> taken = new ArrayList<>();
        while (plan.left() > 0) {
            taken.add(plan.take());
        }

        assertThat(taken).as("Tue 4 after the bookings, Wed 6 around lunch, Thu/Fri/Mon 7, then the next week")
                .hasSize(4 + 6 + 7 + 7 + 7 + 7 + 6 + 7 + 7).doesNotHaveDuplicates();
        assertThat(taken.subList(0, 4)).extracting(SlotPlan.Slot::start).containsExactly(
                LocalDateTime.parse("2026-11-24T12:00"), LocalDateTime.parse("2026-11-24T13:30"),
                LocalDateTime.parse("2026-11-24T15:00"), LocalDateTime.parse("2026-11-24T16:30"));
        assertThat(taken.get(0).spoken()).isEqualTo("tomorrow at twelve o'clock");
        assertThat(taken.get(1).spoken()).isEqualTo("tomorrow at one thirty");
        assertThat(taken).filteredOn(s -> s.start().toLocalDate().equals(MONDAY.plusDays(2)))
                .extracting(s -> s.start().toLocalTime().toString())
                .containsExactly("08:00", "09:30", "11:00", "13:00", "14:30", "16:00");
        assertThat(taken).filteredOn(s -> s.start().toLocalDate().equals(MONDAY.plusDays(8))).first()
                .extracting(SlotPlan.Slot::spoken).isEqualTo("tuesday the first at eight o'clock");
        for (SlotPlan.Slot a : taken) {
            for (SlotPlan.Slot b : taken) {
                if (a != b && a.start().toLocalDate().equals(b.start().toLocalDate())) {
                    assertThat(Math.abs(java.time.Duration.between(a.start(), b.start()).toMinutes()))
                            .as("a job and its buffer apart").isGreaterThanOrEqualTo(90);
                }
            }
        }
        assertThat(taken).noneMatch(s -> s.day().startsWith("saturday") || s.day().startsWith("sunday"));
        assertThatThrownBy(plan::take).isInstanceOf(IllegalStateException.class).hasMessageContaining("fresh data");
    }

    /**
     * The sample plumber takes six jobs a day but has room for seven one-hour jobs and their buffers: a plan of seven
     * a day sent the seventh caller of a day to a read-back whose yes was refused ("no more bookings that day").
     */
    @Test
    void noDayIsPlannedPastTheBusinessDailyLimitCountingWhatIsBooked() {
        SlotPlan plan = SlotPlan.of(MONDAY, WEEKDAYS, 3, List.of(booked("2026-11-24T09:00:00Z", "booked"),
                booked("2026-11-24T15:00:00Z", "cancelled")), LONDON);

        List<SlotPlan.Slot> taken = new ArrayList<>();
        while (plan.left() > 0) {
            taken.add(plan.take());
        }

        Map<LocalDate, Long> perDay = taken.stream().collect(java.util.stream.Collectors.groupingBy(
                s -> s.start().toLocalDate(), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        assertThat(perDay.get(MONDAY.plusDays(1))).as("Tuesday: one booked (the cancelled one holds nothing)")
                .isEqualTo(2);
        assertThat(perDay.values()).as(perDay.toString()).allMatch(n -> n <= 3);
        assertThat(perDay).hasSize(9); // the weekdays of the thirteen days planned
    }

    @Test
    void simultaneousCallersNeverShareASlot() throws Exception {
        SlotPlan plan = SlotPlan.of(MONDAY, WEEKDAYS, NO_LIMIT, List.of(), LONDON);
        Set<LocalDateTime> seen = ConcurrentHashMap.newKeySet();
        List<Thread> callers = new ArrayList<>();
        List<Boolean> duplicate = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                for (int k = 0; k < 6; k++) {
                    duplicate.add(!seen.add(plan.take().start()));
                }
            });
            callers.add(t);
            t.start();
        }
        for (Thread t : callers) {
            t.join();
        }

        assertThat(duplicate).hasSize(48).containsOnly(false);
        assertThat(new HashSet<>(seen)).hasSize(48);
        assertThat(plan.left()).isEqualTo(7 + 6 + 7 + 7 + 7 + 7 + 6 + 7 + 7 - 48);
    }

    @Test
    void noonAndTheAfternoonAreSaidAsPeopleSayThem() {
        assertThat(new SlotPlan.Slot("friday", LocalDateTime.parse("2026-11-27T12:00")).spoken())
                .isEqualTo("friday at twelve o'clock");
        assertThat(new SlotPlan.Slot("friday", LocalDateTime.parse("2026-11-27T12:30")).spoken())
                .isEqualTo("friday at twelve thirty");
        assertThat(new SlotPlan.Slot("friday", LocalDateTime.parse("2026-11-27T17:00")).spoken())
                .isEqualTo("friday at five o'clock");
    }
}
