package io.switchboard.telephony.calllog;

import io.switchboard.models.settings.SettingsException;
import io.switchboard.models.settings.SettingsProblem;
import io.switchboard.models.settings.SettingsSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallLogSettingsTest {

    @Test
    void defaultsKeepThirtyDaysAndLogNoTranscriptsAndSendNoSummaries() {
        CallLogSettings s = CallLogSettings.from(SettingsSource.of(Map.of()));

        assertThat(s.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(s.logTranscripts()).isFalse();
        assertThat(s.summarySms()).isFalse();
    }

    @Test
    void retentionIsReadInDaysHoursOrIso() {
        assertThat(retention("90d")).isEqualTo(Duration.ofDays(90));
        assertThat(retention("7")).isEqualTo(Duration.ofDays(7));
        assertThat(retention("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(retention("P14D")).isEqualTo(Duration.ofDays(14));
        assertThat(CallLogSettings.from(SettingsSource.of(Map.of(CallLogSettings.LOG_TRANSCRIPTS, "true",
                CallLogSettings.SUMMARY_SMS, "yes")))).isEqualTo(new CallLogSettings(Duration.ofDays(30), true, true));
    }

    @Test
    void unusableValuesAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> retention("a month")).hasMessageContaining(CallLogSettings.RETENTION);
        assertThatThrownBy(() -> retention("0d")).hasMessageContaining(CallLogSettings.RETENTION);
        assertThatThrownBy(() -> CallLogSettings.from(SettingsSource.of(Map.of(CallLogSettings.LOG_TRANSCRIPTS, "maybe"))))
                .hasMessageContaining(CallLogSettings.LOG_TRANSCRIPTS);
    }

    @Test
    void everyBadKeyIsNamedInTheOneError() {
        assertThatThrownBy(() -> CallLogSettings.from(SettingsSource.of(Map.of(CallLogSettings.RETENTION, "a month",
                CallLogSettings.LOG_TRANSCRIPTS, "maybe", CallLogSettings.SUMMARY_SMS, "perhaps"))))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
                        .extracting(SettingsProblem::key).containsExactly(CallLogSettings.RETENTION,
                                CallLogSettings.LOG_TRANSCRIPTS, CallLogSettings.SUMMARY_SMS));
    }

    private static Duration retention(String value) {
        return CallLogSettings.from(SettingsSource.of(Map.of(CallLogSettings.RETENTION, value))).retention();
    }
}
