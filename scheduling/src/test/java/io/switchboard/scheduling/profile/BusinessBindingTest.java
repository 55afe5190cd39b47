package io.switchboard.scheduling.profile;

import io.switchboard.models.BusinessProfile;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessBindingTest {

    private static final LocalDateTime MONDAY_9AM = LocalDateTime.of(2026, 11, 23, 9, 0);

    private final BusinessProfile plumber = TestProfiles.sample();
    private final BusinessProfile dentist = TestProfiles.dentist();
    private SchedulingFixture fx;
    private BusinessBinding binding;

    @BeforeEach
    void setUp() {
        fx = new SchedulingFixture(plumber, MONDAY_9AM);
        binding = new BusinessBinding(fx.database(), fx.clock());
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void theFirstStartRecordsTheBusinessAndLaterStartsOfItPass() {
        assertThat(binding.current()).isEmpty();

        assertThat(binding.bind(plumber, false)).isEqualTo(new BusinessBinding.Outcome.Recorded("bristol-plumbing"));
        book();
        assertThat(binding.bind(plumber, false)).isEqualTo(new BusinessBinding.Outcome.Same("bristol-plumbing"));

        assertThat(binding.current()).hasValueSatisfying(b -> {
            assertThat(b.id()).isEqualTo("bristol-plumbing");
            assertThat(b.name()).isEqualTo("Bristol Plumbing");
        });
    }

    @Test
    void anotherBusinessIsRefusedWhileTheDatabaseHoldsBookings() {
        binding.bind(plumber, false);
        book();

        assertThatThrownBy(() -> binding.bind(dentist, false))
                .isInstanceOfSatisfying(BusinessMismatchException.class, e -> {
                    assertThat(e.boundId()).isEqualTo("bristol-plumbing");
                    assertThat(e.profileId()).isEqualTo("bristol-dental");
                    assertThat(e.bookings()).isEqualTo(1);
                })
                .hasMessageContaining("1 booking of Bristol Plumbing (id bristol-plumbing)")
                .hasMessageContaining("Bristol Dental (id bristol-dental)")
                .hasMessageContaining(BusinessMismatchException.REBIND_SETTING + "=true")
                .hasMessageNotContaining("\n");
        assertThat(binding.current().orElseThrow().id()).isEqualTo("bristol-plumbing");
    }

    @Test
    void anExplicitRebindHandsTheBookingsOver() {
        binding.bind(plumber, false);
        book();

        assertThat(binding.bind(dentist, true))
                .isEqualTo(new BusinessBinding.Outcome.Rebound("bristol-plumbing", "bristol-dental", 1));
        assertThat(binding.current().orElseThrow().id()).isEqualTo("bristol-dental");
        assertThat(binding.bind(dentist, false)).isEqualTo(new BusinessBinding.Outcome.Same("bristol-dental"));
        assertThatThrownBy(() -> binding.bind(plumber, false)).isInstanceOf(BusinessMismatchException.class);
    }

    @Test
    void aDatabaseWithoutBookingsFollowsTheProfile() {
        binding.bind(plumber, false);

        assertThat(binding.bind(dentist, false))
                .isEqualTo(new BusinessBinding.Outcome.Rebound("bristol-plumbing", "bristol-dental", 0));
    }

    @Test
    void aRenamedBusinessThatKeepsItsIdIsTheSameBusiness() {
        binding.bind(plumber, false);
        book();
        String renamed = sampleText().replace("name: Bristol Plumbing", "name: Bristol Plumbing and Heating");

        BusinessProfile p = new BusinessProfileLoader().parse(renamed.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(binding.bind(p, false)).isEqualTo(new BusinessBinding.Outcome.Same("bristol-plumbing"));
        assertThat(binding.current().orElseThrow().name()).isEqualTo("Bristol Plumbing and Heating");
    }

    private void book() {
        BookingResult r = fx.scheduling().bookings().book(fx.request("general-repair", MONDAY_9AM.plusHours(5),
                "+447700900123"));
        assertThat(r).isInstanceOf(BookingResult.Success.class);
    }

    private static String sampleText() {
        try (var in = BusinessProfileLoader.class.getResourceAsStream(BusinessProfileLoader.SAMPLE_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
