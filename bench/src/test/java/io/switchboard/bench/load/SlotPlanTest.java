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

    private static BookedAppointment booked(String start, String status) {
        OffsetDateTime s = OffsetDateTime.parse(start);
        return new BookedAppointment(start, "general-repair", s, s.plusHours(1), status, "x", "+447700910009", "voice");
    }

    @Test
    void everyCallerGetsItsOwnFreeSlotWithinOpeningHours() {
        SlotPlan plan = SlotPlan.of(MONDAY, WEEKDAYS, List.of(booked("2026-11-24T09:00:00Z", "booked"),
                booked("2026-11-24T10:30:00Z", "booked"), booked("2026-11-24T11:00:00Z", "cancelled")), LONDON);

        List<SlotPlan.Slot> taken = new ArrayList<>();
        while (plan.left() > 0) {
            taken.add(plan.take());
        }

        assertThat(taken).hasSize(10 - 3 + 9 + 10 + 10 + 10).doesNotHaveDuplicates();
        assertThat(taken).extracting(SlotPlan.Slot::start).doesNotContain(
                LocalDateTime.parse("2026-11-24T09:00"), LocalDateTime.parse("2026-11-24T10:00"),
                LocalDateTime.parse("2026-11-24T11:00"), LocalDateTime.parse("2026-11-25T12:00"))
                .as("a cancelled booking frees its slot, but 10:30-11:30 blocks both 10 and 11").allSatisfy(s ->
                        assertThat(s.getHour()).isBetween(8, 17));
        assertThat(taken.get(0)).isEqualTo(new SlotPlan.Slot("tomorrow", LocalDateTime.parse("2026-11-24T14:00")));
        assertThat(taken.get(0).spoken()).isEqualTo("tomorrow at two o'clock");
        assertThat(taken).filteredOn(s -> s.start().toLocalDate().equals(MONDAY.plusDays(2))).first()
                .extracting(SlotPlan.Slot::spoken).isEqualTo("wednesday at nine o'clock");
        assertThat(taken).noneMatch(s -> s.day().equals("saturday") || s.day().equals("sunday"));
        assertThatThrownBy(plan::take).isInstanceOf(IllegalStateException.class).hasMessageContaining("fresh data");
    }

    @Test
    void simultaneousCallersNeverShareASlot() throws Exception {
        SlotPlan plan = SlotPlan.of(MONDAY, WEEKDAYS, List.of(), LONDON);
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
        assertThat(plan.left()).isEqualTo(49 - 48);
    }

    @Test
    void noonAndTheAfternoonAreSaidAsPeopleSayThem() {
        assertThat(new SlotPlan.Slot("friday", LocalDateTime.parse("2026-11-27T12:00")).spoken())
                .isEqualTo("friday at twelve o'clock");
        assertThat(new SlotPlan.Slot("friday", LocalDateTime.parse("2026-11-27T17:00")).spoken())
                .isEqualTo("friday at five o'clock");
    }
}
