package io.switchboard.scheduling.settings;

import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.audit.AuditEntry;
import io.switchboard.scheduling.availability.SlotQuery;
import io.switchboard.scheduling.profile.ProfileException;
import io.switchboard.scheduling.testing.MutableClock;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The owner's hours, blackout days and FAQ answers over the profile file: checked by the file's rules, in force at
 * once on the instance that made the change and, at its next refresh check, on another over the same database.
 */
class OwnerSettingsTest {

    /** A Monday morning; Tuesday the 24th is an ordinary open day (08:00-18:00). */
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 9, 0);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final String OWNER = "owner via dashboard";

    private final SchedulingFixture fixture = new SchedulingFixture(TestProfiles.sample(), NOW);
    private final Scheduling scheduling = fixture.scheduling();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aBlackoutDayIsNoLongerOfferedAtOnce() {
        assertThat(tuesdaySlots(scheduling)).isNotEmpty();

        scheduling.settings().setBlackouts(List.of(TUESDAY.toString(), "2026-12-25"), OWNER);

        assertThat(tuesdaySlots(scheduling)).isEmpty();
        assertThat(scheduling.profile().blackoutDates()).containsExactlyInAnyOrder(TUESDAY, LocalDate.of(2026, 12, 25));
        assertThat(scheduling.window().check(fixture.at(TUESDAY.atTime(10, 0)), Duration.ofHours(1)))
                .contains(io.switchboard.scheduling.availability.BookingWindow.Violation.BLACKOUT);
    }

    @Test
    void changedHoursChangeTheOffers() {
        scheduling.settings().setHours(Map.of(DayOfWeek.TUESDAY, List.of("13:00-15:00")), OWNER);

        List<TimeSlot> slots = tuesdaySlots(scheduling);
        assertThat(slots).isNotEmpty().allSatisfy(s -> {
            assertThat(s.start().toLocalTime()).isAfterOrEqualTo(LocalTime.of(13, 0));
            assertThat(s.end().toLocalTime()).isBeforeOrEqualTo(LocalTime.of(15, 0));
        });
        // Other days keep the file's hours.
        assertThat(scheduling.profile().hours().on(DayOfWeek.WEDNESDAY))
                .isEqualTo(TestProfiles.sample().hours().on(DayOfWeek.WEDNESDAY));

        scheduling.settings().setHours(Map.of(DayOfWeek.TUESDAY, List.of()), OWNER);
        assertThat(tuesdaySlots(scheduling)).as("closed on Tuesdays").isEmpty();
    }

    @Test
    void invalidHoursAreRefusedByTheFilesRulesNamingTheFieldAndNothingIsStored() {
        assertThatThrownBy(() -> scheduling.settings().setHours(
                Map.of(DayOfWeek.MONDAY, List.of("18:00-08:00")), OWNER))
                .isInstanceOfSatisfying(ProfileException.class, e -> {
                    assertThat(e.field()).isEqualTo("hours.monday[0]");
                    assertThat(e.getMessage()).contains("opens before it closes");
                });
        assertThatThrownBy(() -> scheduling.settings().setBlackouts(List.of("25/12/2026"), OWNER))
                .isInstanceOfSatisfying(ProfileException.class,
                        e -> assertThat(e.field()).isEqualTo("blackout_dates[0]"));
        assertThatThrownBy(() -> scheduling.settings().setFaqAnswer("prices", "  ", OWNER))
                .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.field()).endsWith(".answer"));
        assertThat(new OwnerSettingsStore(fixture.database().dsl()).version()).isZero();
        assertThat(scheduling.profile()).isEqualTo(TestProfiles.sample());
    }

    @Test
    void closingEveryDayIsRefusedLikeAFileWithNoOpenDay() {
        Map<DayOfWeek, List<String>> closed = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            closed.put(d, List.of());
        }
        assertThatThrownBy(() -> scheduling.settings().setHours(closed, OWNER))
                .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.field()).isEqualTo("hours"));
    }

    @Test
    void anFaqAnswerChangesAndItsKeywordsStayTheFiles() {
        scheduling.settings().setFaqAnswer("payment", "Card only, please.", OWNER);

        var entry = scheduling.profile().faq().stream().filter(e -> e.topic().equals("payment")).findFirst()
                .orElseThrow();
        assertThat(entry.answer()).isEqualTo("Card only, please.");
        assertThat(entry.keywords()).isEqualTo(TestProfiles.sample().faq().stream()
                .filter(e -> e.topic().equals("payment")).findFirst().orElseThrow().keywords());
        assertThatThrownBy(() -> scheduling.settings().setFaqAnswer("parking", "Round the back.", OWNER))
                .isInstanceOf(OwnerSettingsChanges.UnknownTopicException.class);
    }

    @Test
    void everyChangeIsAuditedWithWhoMadeIt() {
        scheduling.settings().setFaqAnswer("payment", "Card only, please.", OWNER);
        scheduling.settings().setBlackouts(List.of("2026-12-24"), OWNER);

        List<String> rows = fixture.database().dsl().fetch(
                "SELECT action || '|' || actor || '|' || channel || '|' || after_state::text FROM audit_log "
                        + "WHERE appointment_id IS NULL ORDER BY id").getValues(0, String.class);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("FAQ_ANSWER|owner via dashboard|WEB|").contains("Card only, please.");
        assertThat(rows.get(1)).startsWith("BLACKOUTS|owner via dashboard|WEB|").contains("2026-12-24");
    }

    @Test
    void anotherInstanceOnTheSameDatabaseSeesTheChangeAtItsNextCheck() {
        MutableClock otherClock = MutableClock.at(fixture.at(NOW));
        Scheduling other = Scheduling.create(TestProfiles.sample(), otherClock, fixture.database(),
                Duration.ofSeconds(5));
        assertThat(tuesdaySlots(other)).isNotEmpty();

        scheduling.settings().setBlackouts(List.of(TUESDAY.toString()), OWNER);

        otherClock.advance(Duration.ofSeconds(5));
        assertThat(tuesdaySlots(other)).as("not yet checked again: reading never checks").isNotEmpty();
        other.profiles().checkForChange();
        assertThat(tuesdaySlots(other)).as("after its refresh check").isEmpty();
        assertThat(other.profile().isBlackout(TUESDAY)).isTrue();
    }

    private static List<TimeSlot> tuesdaySlots(Scheduling s) {
        return s.availability().findSlots(SlotQuery.on("general-repair", TUESDAY, 50));
    }
}
