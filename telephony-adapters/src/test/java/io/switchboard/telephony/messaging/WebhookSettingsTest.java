package io.switchboard.telephony.messaging;

import io.switchboard.models.settings.SettingsSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    @Test
    void defaultsToTenSecondsAndASpoolUnderTheDataDirectory() {
        WebhookSettings s = WebhookSettings.from(SettingsSource.of(Map.of("SWITCHBOARD_DATA_DIR", "/srv/sb")));

        assertThat(s.answerWithin()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.spoolDir()).isEqualTo(Path.of("/srv/sb/inbox-spool"));
        assertThat(WebhookSettings.from(SettingsSource.of(Map.of())).spoolDir()).isEqualTo(Path.of("data/inbox-spool"));
    }

    @Test
    void readsTheBoundAndRefusesOnesTwilioWouldNotWaitFor() {
        assertThat(WebhookSettings.from(SettingsSource.of(Map.of(WebhookSettings.ANSWER_WITHIN, "800ms"))).answerWithin())
                .isEqualTo(Duration.ofMillis(800));
        assertThat(WebhookSettings.from(SettingsSource.of(Map.of(WebhookSettings.ANSWER_WITHIN, "5s"))).answerWithin())
                .isEqualTo(Duration.ofSeconds(5));
        for (String bad : new String[] {"15s", "0s", "soon", "-1s"}) {
            assertThatThrownBy(() -> WebhookSettings.from(SettingsSource.of(Map.of(WebhookSettings.ANSWER_WITHIN, bad))))
                    .as(bad).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(WebhookSettings.ANSWER_WITHIN);
        }
    }
}
