package io.switchboard.scheduling.profile;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.OpeningHours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessProfileLoaderTest {

    private final BusinessProfileLoader loader = new BusinessProfileLoader();

    @Test
    void sampleDescribesBristolPlumbing() {
        BusinessProfile p = loader.loadSample();

        assertThat(p.name()).isEqualTo("Bristol Plumbing");
        assertThat(p.timezone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(p.hours().on(DayOfWeek.MONDAY)).containsExactly(new OpeningHours(LocalTime.of(8, 0), LocalTime.of(18, 0)));
        assertThat(p.hours().on(DayOfWeek.SATURDAY)).containsExactly(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(13, 0)));
        assertThat(p.hours().isOpenOn(DayOfWeek.SUNDAY)).isFalse();
        assertThat(p.service("drain-cleaning").orElseThrow().duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(p.service("tankless-installation").orElseThrow().duration()).isEqualTo(Duration.ofHours(4));
        assertThat(p.emergencyService().orElseThrow().id()).isEqualTo("emergency-callout");
        assertThat(p.blackoutDates()).contains(LocalDate.of(2026, 12, 25));
        assertThat(p.owner().phone()).isEqualTo("+447700900999");
        assertThat(p.owner().toString()).doesNotContain(p.owner().pin());
        assertThat(p.emergencyKeywords()).contains("burst pipe", "sewage");
        assertThat(p.faq()).extracting(f -> f.topic()).contains("hours", "prices", "area");
    }

    @Test
    void loadsFromAFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, sampleText().replace("Bristol Plumbing", "Bath Drains"));

        assertThat(loader.load(file).name()).isEqualTo("Bath Drains");
    }

    @Test
    void missingFileNamesTheFile() {
        assertThatThrownBy(() -> loader.load(Path.of("/nonexistent/profile.yaml")))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("/nonexistent/profile.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "services[1].duration      | duration: 90m          | duration: ninety",
            "timezone                  | timezone: Europe/London | timezone: Europe/Bristol",
            "hours.funday              | monday:    [\"08:00-18:00\"] | funday: [\"08:00-18:00\"]",
            "hours.tuesday[0]          | tuesday:   [\"08:00-18:00\"] | tuesday: [\"18:00-08:00\"]",
            "owner.pin                 | pin: \"4321\"            | pin: \"12\"",
            "owner.phone               | phone: \"+447700900999\" | phone: \"12345\"",
            "booking.max_bookings_per_day | max_bookings_per_day: 6 | max_bookings_per_day: 0",
            "blackout_dates[0]         | - 2026-12-25           | - 25/12/2026",
            "services[0].id            | id: general-repair     | id: General Repair!",
            "services[1].id            | id: drain-cleaning     | id: general-repair",
            "phone_region              | phone_region: GB       | phone_region: XX",
            "colour                    | name: Bristol Plumbing | colour: blue",
    })
    void aBrokenFieldFailsNamingIt(String field, String good, String bad) {
        String text = sampleText();
        assertThat(text).contains(good.strip());
        byte[] broken = text.replaceFirst(java.util.regex.Pattern.quote(good.strip()), bad.strip().replace("$", "\\$"))
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> loader.parse(broken))
                .isInstanceOf(ProfileException.class)
                .satisfies(e -> assertThat(((ProfileException) e).field()).isEqualTo(field.strip()))
                .hasMessageStartingWith(field.strip() + ":");
    }

    @Test
    void notYamlAtAll() {
        assertThatThrownBy(() -> loader.parse("name: [unclosed".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("YAML");
    }

    @Test
    void noServices() {
        String text = sampleText();
        String noServices = text.substring(0, text.indexOf("services:")) + "services: []\n"
                + text.substring(text.indexOf("emergency_keywords:"));
        assertThatThrownBy(() -> loader.parse(noServices.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProfileException.class)
                .hasMessageStartingWith("services:");
    }

    private static String sampleText() {
        try (var in = BusinessProfileLoader.class.getResourceAsStream(BusinessProfileLoader.SAMPLE_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
