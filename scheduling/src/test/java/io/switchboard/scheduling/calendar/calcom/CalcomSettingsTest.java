package io.switchboard.scheduling.calendar.calcom;

import io.switchboard.models.BusinessProfile;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalcomSettingsTest {

    private final BusinessProfile profile = TestProfiles.sample();

    @Test
    void offUnlessTheCalendarIsCalcom() {
        assertThat(CalcomSettings.fromEnvironment(Map.of(CalcomSettings.API_KEY, "k"), profile)).isEmpty();
    }

    @Test
    void parsesServiceEventTypePairs() {
        CalcomSettings s = CalcomSettings.fromEnvironment(Map.of(CalcomSettings.CALENDAR, "calcom",
                CalcomSettings.API_KEY, "cal_live_x", CalcomSettings.EVENT_TYPE_IDS,
                " drain-cleaning=12, general-repair = 34 ", CalcomSettings.API_URL, "http://127.0.0.1:9/"), profile)
                .orElseThrow();

        assertThat(s.eventTypes()).isEqualTo(Map.of("drain-cleaning", 12L, "general-repair", 34L));
        assertThat(s.eventType("water-heater-repair")).isEmpty();
        assertThat(s.apiUrl().toString()).isEqualTo("http://127.0.0.1:9");
        assertThat(s.toString()).doesNotContain("cal_live_x");
        assertThat(CalcomSettings.fromEnvironment(Map.of(CalcomSettings.CALENDAR, "calcom", CalcomSettings.API_KEY,
                "k", CalcomSettings.EVENT_TYPE_IDS, "drain-cleaning=1"), profile).orElseThrow().apiUrl())
                .isEqualTo(CalcomSettings.DEFAULT_API_URL);
    }

    @Test
    void namesTheSettingAtFault() {
        assertThatThrownBy(() -> CalcomSettings.fromEnvironment(Map.of(CalcomSettings.CALENDAR, "calcom",
                CalcomSettings.API_KEY, "k", CalcomSettings.EVENT_TYPE_IDS, "hair-cut=12"), profile))
                .isInstanceOf(CalcomSetupException.class)
                .hasMessageStartingWith(CalcomSettings.EVENT_TYPE_IDS + ": 'hair-cut' is not a service");
        assertThatThrownBy(() -> CalcomSettings.fromEnvironment(Map.of(CalcomSettings.CALENDAR, "calcom",
                CalcomSettings.API_KEY, "k", CalcomSettings.EVENT_TYPE_IDS, "drain-cleaning=abc"), profile))
                .hasMessageContaining("numeric event type id");
        assertThatThrownBy(() -> CalcomSettings.fromEnvironment(Map.of(CalcomSettings.CALENDAR, "calcom",
                CalcomSettings.EVENT_TYPE_IDS, "drain-cleaning=1"), profile))
                .hasMessageStartingWith(CalcomSettings.API_KEY);
        assertThatThrownBy(() -> CalcomSettings.fromEnvironment(Map.of(CalcomSettings.CALENDAR, "calcom",
                CalcomSettings.API_KEY, "k"), profile))
                .hasMessageStartingWith(CalcomSettings.EVENT_TYPE_IDS);
    }
}
