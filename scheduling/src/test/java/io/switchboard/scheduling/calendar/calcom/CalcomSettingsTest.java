package io.switchboard.scheduling.calendar.calcom;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.settings.SettingsException;
import io.switchboard.models.settings.SettingsProblem;
import io.switchboard.models.settings.SettingsSource;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalcomSettingsTest {

    private final BusinessProfile profile = TestProfiles.sample();

    /** Parsed from the settings, then checked against the profile, as the server does. */
    private java.util.Optional<CalcomSettings> parse(Map<String, String> values) {
        return CalcomSettings.from(SettingsSource.of(values)).map(s -> s.requireServicesOf(profile));
    }

    @Test
    void offUnlessTheCalendarIsCalcom() {
        assertThat(parse(Map.of(CalcomSettings.API_KEY, "k"))).isEmpty();
    }

    @Test
    void parsesServiceEventTypePairs() {
        CalcomSettings s = parse(Map.of(CalcomSettings.CALENDAR, "calcom",
                CalcomSettings.API_KEY, "cal_live_x", CalcomSettings.EVENT_TYPE_IDS,
                " drain-cleaning=12, general-repair = 34 ", CalcomSettings.API_URL, "http://127.0.0.1:9/"))
                .orElseThrow();

        assertThat(s.eventTypes()).isEqualTo(Map.of("drain-cleaning", 12L, "general-repair", 34L));
        assertThat(s.eventType("water-heater-repair")).isEmpty();
        assertThat(s.apiUrl().toString()).isEqualTo("http://127.0.0.1:9");
        assertThat(s.toString()).doesNotContain("cal_live_x");
        assertThat(parse(Map.of(CalcomSettings.CALENDAR, "calcom", CalcomSettings.API_KEY,
                "k", CalcomSettings.EVENT_TYPE_IDS, "drain-cleaning=1")).orElseThrow().apiUrl())
                .isEqualTo(CalcomSettings.DEFAULT_API_URL);
    }

    @Test
    void namesTheSettingAtFault() {
        assertThatThrownBy(() -> parse(Map.of(CalcomSettings.CALENDAR, "calcom",
                CalcomSettings.API_KEY, "k", CalcomSettings.EVENT_TYPE_IDS, "hair-cut=12")))
                .isInstanceOf(CalcomSetupException.class)
                .hasMessageStartingWith(CalcomSettings.EVENT_TYPE_IDS + ": 'hair-cut' is not a service");
        assertThatThrownBy(() -> parse(Map.of(CalcomSettings.CALENDAR, "calcom",
                CalcomSettings.API_KEY, "k", CalcomSettings.EVENT_TYPE_IDS, "drain-cleaning=abc")))
                .hasMessageContaining("numeric event type id");
        assertThatThrownBy(() -> parse(Map.of(CalcomSettings.CALENDAR, "calcom",
                CalcomSettings.EVENT_TYPE_IDS, "drain-cleaning=1")))
                .hasMessageStartingWith(CalcomSettings.API_KEY);
        assertThatThrownBy(() -> parse(Map.of(CalcomSettings.CALENDAR, "calcom",
                CalcomSettings.API_KEY, "k")))
                .hasMessageStartingWith(CalcomSettings.EVENT_TYPE_IDS);
    }

    @Test
    void everyBadKeyIsNamedInTheOneError() {
        assertThatThrownBy(() -> CalcomSettings.from(SettingsSource.of(Map.of(CalcomSettings.CALENDAR, "calcom",
                CalcomSettings.EVENT_TYPE_IDS, "drain-cleaning=abc", CalcomSettings.API_URL, "not a url"))))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
                        .extracting(SettingsProblem::key).containsExactly(CalcomSettings.API_KEY,
                                CalcomSettings.EVENT_TYPE_IDS, CalcomSettings.API_URL));
    }
}
