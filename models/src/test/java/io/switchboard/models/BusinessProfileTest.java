package io.switchboard.models;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessProfileTest {

    private static final WeeklyHours HOURS = new WeeklyHours(Map.of(DayOfWeek.MONDAY,
            List.of(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(17, 0)))));
    private static final BookingRules RULES = new BookingRules(Duration.ZERO, Duration.ofHours(1), Duration.ofDays(30),
            8, Duration.ofMinutes(15));
    private static final List<ServiceType> SERVICES = List.of(new ServiceType("check-up", "check-up", List.of(),
            Duration.ofMinutes(30), "", false));
    private static final Owner OWNER = new Owner("Priya", "+447700900888", "730415");

    @Test
    void aProfileWithoutTheNewFieldsIsATradeThatAsksEverything() {
        BusinessProfile p = new BusinessProfile("Bristol Plumbing & Heating", ZoneId.of("Europe/London"), "GB", HOURS,
                Set.of(), RULES, SERVICES, OWNER, List.of(), List.of(), "");

        assertThat(p.id()).isEqualTo("bristol-plumbing-heating");
        assertThat(p.kind()).isEqualTo(BusinessKind.TRADES);
        for (IntakeField f : IntakeField.values()) {
            assertThat(p.requires(f)).as(f.key()).isTrue();
        }
        assertThat(p.greeting()).isEqualTo(Greeting.STANDARD);
    }

    @Test
    void aClinicByDefaultAsksNoAddress() {
        BusinessProfile p = clinic(null);

        assertThat(p.requires(IntakeField.ADDRESS)).isFalse();
        assertThat(p.requires(IntakeField.NAME)).isTrue();
        assertThat(p.requires(IntakeField.PHONE)).isTrue();
    }

    @Test
    void anExplicitIntakeWinsOverTheKindsDefault() {
        BusinessProfile p = clinic(Set.of(IntakeField.PHONE, IntakeField.ADDRESS));

        assertThat(p.requires(IntakeField.ADDRESS)).isTrue();
        assertThat(p.requires(IntakeField.NAME)).isFalse();
    }

    @Test
    void aBookingAlwaysNeedsThePhone() {
        assertThatThrownBy(() -> clinic(Set.of(IntakeField.NAME))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phone");
    }

    @Test
    void withRulesKeepsEverythingElse() {
        BusinessProfile p = clinic(null);
        BookingRules other = new BookingRules(Duration.ZERO, Duration.ZERO, Duration.ofDays(7), 1, Duration.ofMinutes(5));

        BusinessProfile changed = p.withRules(other);

        assertThat(changed.rules()).isEqualTo(other);
        assertThat(changed).usingRecursiveComparison().ignoringFields("rules").isEqualTo(p);
    }

    @Test
    void slugsAreLowerCaseLettersDigitsAndDashes() {
        assertThat(BusinessProfile.slugOf("Café Crème — Clifton!")).isEqualTo("cafe-creme-clifton");
        assertThat(BusinessProfile.slugOf("***")).isEmpty();
    }

    private static BusinessProfile clinic(Set<IntakeField> intake) {
        return new BusinessProfile("Bristol Dental", ZoneId.of("Europe/London"), "GB", HOURS, Set.of(), RULES,
                SERVICES, OWNER, List.of(), List.of(), "", "bristol-dental", BusinessKind.CLINIC, intake,
                Greeting.of("Thank you for calling Bristol Dental."));
    }
}
