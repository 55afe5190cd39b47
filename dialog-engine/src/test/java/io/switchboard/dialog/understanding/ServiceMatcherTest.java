package io.switchboard.dialog.understanding;

import io.switchboard.models.ServiceType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceMatcherTest {

    private final TextNormalizer normalizer = new TextNormalizer();
    private final ServiceMatcher matcher = new ServiceMatcher(SampleProfiles.bristolPlumbing().services());

    private String match(String text) {
        return matcher.match(normalizer.normalize(text).text()).map(ServiceType::id).orElse(null);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            my drain's blocked                     | drain-cleaning
            the drains are blocked                 | drain-cleaning
            blocked drains                         | drain-cleaning
            the sink is clogged                    | drain-cleaning
            can you unblock my toilet              | drain-cleaning
            drain cleaning                         | drain-cleaning
            my boiler isn't working                | water-heater-repair
            water heater not working               | water-heater-repair
            boilers broken                         | water-heater-repair
            my boyler is broken                    | water-heater-repair
            there's no hot water                   | water-heater-repair
            fix my boiler                          | water-heater-repair
            the boiler is leaking                  | water-heater-repair
            boiler repair                          | water-heater-repair
            tankless install                       | tankless-installation
            tank less installation                 | tankless-installation
            i want a combi installed               | tankless-installation
            a dripping tap                         | general-repair
            my taps are dripping                   | general-repair
            there's a leak under the bath          | general-repair
            it's leaking                           | general-repair
            i need a repair                        | general-repair
            general repair                         | general-repair
            it's an emergency                      | emergency-callout
            """)
    void matchesServicesByNameAndSynonyms(String text, String expected) {
        assertThat(match(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "can you call me back", "what time do you open", "water everywhere",
            "i was on the train", "tomorrow at 3", ""})
    void matchesNothingWhenNoServiceIsNamed(String text) {
        assertThat(match(text)).isNull();
    }

    @Test
    void anExactTieIsNoMatch() {
        ServiceType a = new ServiceType("a", "radiator bleed", List.of(), Duration.ofMinutes(30), "", false);
        ServiceType b = new ServiceType("b", "radiator swap", List.of(), Duration.ofMinutes(30), "", false);
        ServiceMatcher tied = new ServiceMatcher(List.of(a, b));
        assertThat(tied.match("my radiator")).isEmpty();
        assertThat(tied.match("bleed my radiator")).contains(a);
    }

    @Test
    void reusesTheMatcherForTheSameServices() {
        List<ServiceType> services = SampleProfiles.bristolPlumbing().services();
        assertThat(ServiceMatcher.of(services)).isSameAs(ServiceMatcher.of(List.copyOf(services)));
    }
}
