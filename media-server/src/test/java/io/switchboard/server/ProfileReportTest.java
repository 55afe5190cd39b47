package io.switchboard.server;

import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileReportTest {

    @Test
    void summarisesTheProfileAndTodaysOpeningsWithoutThePin() {
        // Monday 23 November 2026, 09:00: with two hours' notice the first general repair can start at 11:00.
        try (SchedulingFixture fixture = new SchedulingFixture(TestProfiles.sample(), LocalDateTime.of(2026, 11, 23, 9, 0))) {
            var scheduling = fixture.scheduling();
            var booked = scheduling.bookings().book(fixture.request("general-repair",
                    LocalDateTime.of(2026, 11, 23, 13, 0), "+447700900123"));
            assertThat(booked.succeeded()).isTrue();

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ProfileReport.print(scheduling, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String out = bytes.toString(StandardCharsets.UTF_8);

            assertThat(out).startsWith("Bristol Plumbing (Europe/London, phone region GB)")
                    .contains("Monday     08:00-18:00")
                    .contains("Sunday     closed")
                    .contains("2026-12-25")
                    .contains("buffer 30m, minimum notice 2h, horizon 60d, at most 6 a day, starts every 30m")
                    .contains("drain-cleaning")
                    .contains("1h30m")
                    .contains("Open today (Mon 23 Nov 2026):")
                    .containsPattern("general repair\\s+11:00-12:30, 14:30-18:00")
                    .contains("phone ending ***999")
                    .contains("Id: bristol-plumbing, kind trades; a booking collects name, phone, address, problem")
                    .contains("Greeting: standard on calls; standard in texts")
                    .doesNotContain(TestProfiles.sample().owner().pin())
                    .doesNotContain("+447700900999");
        }
    }

    @Test
    void theDentistsReportShowsItsGreetingAndNoAddress() {
        try (SchedulingFixture fixture = new SchedulingFixture(TestProfiles.dentist(), LocalDateTime.of(2026, 11, 23, 9, 0))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ProfileReport.print(fixture.scheduling(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

            assertThat(bytes.toString(StandardCharsets.UTF_8))
                    .startsWith("Bristol Dental (Europe/London, phone region GB)")
                    .contains("Id: bristol-dental, kind clinic; a booking collects name, phone, problem")
                    .contains("Greeting: on calls \"Thank you for calling Bristol Dental.")
                    .contains("in texts \"Hi, this is Bristol Dental's automated assistant. How can we help?\"")
                    .doesNotContain(TestProfiles.dentist().owner().pin());
        }
    }

    @Test
    void warningsArePrintedWithTheirField() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProfileReport.printWarnings(java.util.List.of(new io.switchboard.scheduling.profile.ProfileWarning("owner.pin",
                "a 4-digit PIN is easy to guess; use 6 or more digits")), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("Warning: owner.pin: a 4-digit PIN is easy to guess; use 6 or more digits" + System.lineSeparator());
    }

    @Test
    void durationsPrintInProfileForm() {
        assertThat(ProfileReport.text(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(ProfileReport.text(Duration.ofDays(60))).isEqualTo("60d");
        assertThat(ProfileReport.text(Duration.ZERO)).isEqualTo("0m");
    }
}
