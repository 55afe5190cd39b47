package io.switchboard.scheduling.availability;

import io.switchboard.models.BookingRules;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.OpeningHours;
import io.switchboard.models.PartOfDay;
import io.switchboard.models.TimeSlot;
import io.switchboard.models.WeeklyHours;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each availability rule, with a fixed clock: Monday 23 November 2026, 07:00 in Bristol. */
class AvailabilityServiceTest {

    private static final LocalDateTime MONDAY_7AM = LocalDateTime.of(2026, 11, 23, 7, 0);
    private static final LocalDate MONDAY = MONDAY_7AM.toLocalDate();
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final String PHONE = "+447700900123";

    private SchedulingFixture fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private AvailabilityService availability(BusinessProfile profile, LocalDateTime now) {
        fx = new SchedulingFixture(profile, now);
        return fx.scheduling().availability();
    }

    private static List<LocalTime> starts(List<TimeSlot> slots) {
        return slots.stream().map(s -> s.start().toLocalTime()).toList();
    }

    @Test
    void slotsFollowOpeningHoursDurationAndMinimumNotice() {
        AvailabilityService a = availability(TestProfiles.sample(), MONDAY_7AM);

        List<TimeSlot> repair = a.findSlots(SlotQuery.on("general-repair", MONDAY, 50));
        List<TimeSlot> drains = a.findSlots(SlotQuery.on("drain-cleaning", MONDAY, 50));

        // two hours' notice from 07:00: nothing before 09:00; a one-hour job must end by 18:00
        assertThat(starts(repair)).first().isEqualTo(LocalTime.of(9, 0));
        assertThat(starts(repair)).last().isEqualTo(LocalTime.of(17, 0));
        assertThat(repair).hasSize(17).allSatisfy(s -> assertThat(s.length()).isEqualTo(Duration.ofHours(1)));
        assertThat(starts(drains)).last().isEqualTo(LocalTime.of(16, 30));
        assertThat(drains).allSatisfy(s -> assertThat(s.length()).isEqualTo(Duration.ofMinutes(90)));
    }

    @Test
    void saturdayHasShortHoursAndSundayIsClosed() {
        AvailabilityService a = availability(TestProfiles.sample(), MONDAY_7AM);

        assertThat(starts(a.findSlots(SlotQuery.on("general-repair", LocalDate.of(2026, 11, 28), 50))))
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(10, 0), LocalTime.of(10, 30),
                        LocalTime.of(11, 0), LocalTime.of(11, 30), LocalTime.of(12, 0));
        assertThat(a.findSlots(SlotQuery.on("general-repair", LocalDate.of(2026, 11, 29), 50))).isEmpty();
        assertThat(a.findSlots(SlotQuery.on("tankless-installation", LocalDate.of(2026, 11, 28), 50)))
                .as("a four-hour job fits a Saturday only at opening")
                .extracting(s -> s.start().toLocalTime()).containsExactly(LocalTime.of(9, 0));
    }

    @Test
    void blackoutDatesHaveNoSlotsAndSearchesSkipThem() {
        AvailabilityService a = availability(TestProfiles.sample(), LocalDateTime.of(2026, 12, 24, 7, 0));

        assertThat(a.findSlots(SlotQuery.on("general-repair", LocalDate.of(2026, 12, 25), 5))).isEmpty();
        assertThat(a.openRanges("general-repair", LocalDate.of(2026, 12, 25))).isEmpty();
        List<TimeSlot> afterChristmasEve = a.findSlots(
                new SlotQuery("general-repair", LocalDate.of(2026, 12, 25), null, null, null, null, null, 1));
        // 25th and 26th are blackouts, 27th is a Sunday
        assertThat(afterChristmasEve.get(0).start().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void bufferKeepsTimeFreeAfterAndBeforeABookedJob() {
        AvailabilityService a = availability(TestProfiles.sample(), MONDAY_7AM);
        book("general-repair", TUESDAY.atTime(10, 0));

        List<LocalTime> starts = starts(a.findSlots(SlotQuery.on("general-repair", TUESDAY, 50)));

        // booked 10:00-11:00 plus 30 min buffer: a job may end by 09:30 (its own buffer to 10:00) and start from 11:30
        assertThat(starts).contains(LocalTime.of(8, 0), LocalTime.of(8, 30), LocalTime.of(11, 30));
        assertThat(starts).doesNotContain(LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(10, 0),
                LocalTime.of(10, 30), LocalTime.of(11, 0));
    }

    @Test
    void openRangesDescribeFreeStretchesForSpokenReplies() {
        AvailabilityService a = availability(TestProfiles.sample(), MONDAY_7AM);
        book("general-repair", TUESDAY.atTime(10, 0));

        List<TimeSlot> ranges = a.openRanges("general-repair", TUESDAY);

        assertThat(ranges).extracting(r -> r.start().toLocalTime() + "-" + r.end().toLocalTime())
                .containsExactly("08:00-09:30", "11:30-18:00");
        assertThat(a.openRanges("general-repair", MONDAY))
                .extracting(r -> r.start().toLocalTime() + "-" + r.end().toLocalTime())
                .as("minimum notice trims the morning").containsExactly("09:00-18:00");
    }

    @Test
    void horizonLimitsHowFarAheadSlotsAreOffered() {
        AvailabilityService a = availability(TestProfiles.sample(), MONDAY_7AM);

        LocalDate lastDay = MONDAY_7AM.plusDays(60).toLocalDate();
        assertThat(a.findSlots(SlotQuery.on("general-repair", lastDay.plusDays(1), 5))).isEmpty();
        assertThat(a.findSlots(SlotQuery.on("general-repair", MONDAY.plusDays(59), 5))).isNotEmpty();
        List<TimeSlot> onLastDay = a.findSlots(SlotQuery.on("general-repair", lastDay, 50));
        assertThat(onLastDay).allSatisfy(s -> assertThat(s.start().toLocalDateTime()).isBeforeOrEqualTo(MONDAY_7AM.plusDays(60)));
    }

    @Test
    void aFullDayOffersNothing() {
        AvailabilityService a = availability(TestProfiles.sampleWithRules(r -> new BookingRules(
                r.bufferBetweenJobs(), r.minimumNotice(), r.bookingHorizon(), 2, r.slotStep())), MONDAY_7AM);
        book("general-repair", TUESDAY.atTime(8, 0));
        assertThat(a.findSlots(SlotQuery.on("general-repair", TUESDAY, 50))).isNotEmpty();
        book("general-repair", TUESDAY.atTime(14, 0));

        assertThat(a.findSlots(SlotQuery.on("general-repair", TUESDAY, 50))).isEmpty();
        assertThat(a.openRanges("general-repair", TUESDAY)).isEmpty();
        assertThat(fx.scheduling().bookings().book(fx.request("general-repair", TUESDAY.atTime(16, 0), "+447700900124")))
                .isInstanceOfSatisfying(BookingResult.Rejected.class,
                        r -> assertThat(r.error()).isEqualTo(io.switchboard.scheduling.booking.BookingError.DAY_FULL));
    }

    @Test
    void partOfDayAndTimeBoundsNarrowTheSearch() {
        AvailabilityService a = availability(TestProfiles.sample(), MONDAY_7AM);

        List<LocalTime> afternoon = starts(a.findSlots(SlotQuery.on("general-repair", TUESDAY, 50).withPartOfDay(PartOfDay.AFTERNOON)));
        List<LocalTime> morning = starts(a.findSlots(SlotQuery.on("general-repair", TUESDAY, 50).withPartOfDay(PartOfDay.MORNING)));
        List<LocalTime> bounded = starts(a.findSlots(SlotQuery.on("general-repair", TUESDAY, 50)
                .between(LocalTime.of(14, 0), LocalTime.of(15, 0))));

        assertThat(afternoon).first().isEqualTo(LocalTime.NOON);
        assertThat(afternoon).allSatisfy(t -> assertThat(t).isBefore(LocalTime.of(17, 0)));
        assertThat(morning).first().isEqualTo(LocalTime.of(8, 0));
        assertThat(morning).last().isEqualTo(LocalTime.of(11, 30));
        assertThat(bounded).containsExactly(LocalTime.of(14, 0), LocalTime.of(14, 30), LocalTime.of(15, 0));
    }

    @Test
    void aPreferredTimeSortsNearestFirst() {
        AvailabilityService a = availability(TestProfiles.sample(), MONDAY_7AM);
        book("general-repair", TUESDAY.atTime(15, 0));

        List<TimeSlot> near = a.findSlots(new SlotQuery("general-repair", TUESDAY, TUESDAY.plusDays(3), null, null,
                null, TUESDAY.atTime(15, 0), 3));

        // 15:00 is taken and buffers keep 13:30-16:30 clear; ties go to the earlier start
        assertThat(starts(near)).containsExactly(LocalTime.of(13, 30), LocalTime.of(16, 30), LocalTime.of(13, 0));
    }

    @Test
    void springForwardDayHasNoSlotsInTheMissingHourAndRealDurations() {
        BusinessProfile nightShift = withSundayHours(LocalTime.of(0, 0), LocalTime.of(4, 0));
        AvailabilityService a = availability(nightShift, LocalDateTime.of(2027, 3, 20, 9, 0));
        LocalDate dstStart = LocalDate.of(2027, 3, 28); // 01:00 GMT becomes 02:00 BST

        List<TimeSlot> slots = a.findSlots(SlotQuery.on("general-repair", dstStart, 50));

        assertThat(starts(slots)).containsExactly(LocalTime.of(0, 0), LocalTime.of(0, 30), LocalTime.of(2, 0),
                LocalTime.of(2, 30), LocalTime.of(3, 0));
        assertThat(slots).allSatisfy(s -> assertThat(s.length()).isEqualTo(Duration.ofHours(1)));
        assertThat(slots.get(0).start().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(slots.get(2).start().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(slots.get(1).end().toLocalTime()).as("00:30 GMT plus one real hour").isEqualTo(LocalTime.of(2, 30));
    }

    @Test
    void fallBackDayOffersTheRepeatedHourOnceAndKeepsRealDurations() {
        BusinessProfile nightShift = withSundayHours(LocalTime.of(0, 0), LocalTime.of(4, 0));
        AvailabilityService a = availability(nightShift, LocalDateTime.of(2026, 10, 20, 9, 0));
        LocalDate dstEnd = LocalDate.of(2026, 10, 25); // 02:00 BST becomes 01:00 GMT

        List<TimeSlot> slots = a.findSlots(SlotQuery.on("general-repair", dstEnd, 50));

        assertThat(starts(slots)).containsExactly(LocalTime.of(0, 0), LocalTime.of(0, 30), LocalTime.of(1, 0),
                LocalTime.of(1, 30), LocalTime.of(2, 0), LocalTime.of(2, 30), LocalTime.of(3, 0));
        assertThat(slots).allSatisfy(s -> assertThat(s.length()).isEqualTo(Duration.ofHours(1)));
        assertThat(slots.get(2).start().getOffset()).as("first 01:00, still summer time").isEqualTo(ZoneOffset.ofHours(1));
        assertThat(a.openRanges("general-repair", dstEnd)).singleElement()
                .satisfies(r -> assertThat(r.length()).as("00:00-04:00 local is five real hours").isEqualTo(Duration.ofHours(5)));
    }

    @Test
    void weekdaySlotsCarryTheRightOffsetEitherSideOfTheChange() {
        AvailabilityService a = availability(TestProfiles.sample(), LocalDateTime.of(2027, 3, 25, 7, 0));

        TimeSlot friday = a.findSlots(SlotQuery.on("general-repair", LocalDate.of(2027, 3, 26), 1)).get(0);
        TimeSlot monday = a.findSlots(SlotQuery.on("general-repair", LocalDate.of(2027, 3, 29), 1)).get(0);

        assertThat(friday.start().toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(friday.start().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(monday.start().toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(monday.start().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
    }

    private void book(String service, LocalDateTime start) {
        assertThat(fx.scheduling().bookings().book(fx.request(service, start, PHONE)).succeeded()).isTrue();
    }

    private static BusinessProfile withSundayHours(LocalTime open, LocalTime close) {
        BusinessProfile p = TestProfiles.sample();
        WeeklyHours hours = new WeeklyHours(Map.of(DayOfWeek.SUNDAY, List.of(new OpeningHours(open, close))));
        return new BusinessProfile(p.name(), p.timezone(), p.phoneRegion(), hours, p.blackoutDates(), p.rules(),
                p.services(), p.owner(), p.emergencyKeywords(), p.faq(), p.serviceArea());
    }
}
