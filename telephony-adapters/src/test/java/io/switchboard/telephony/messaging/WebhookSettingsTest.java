package io.switchboard.telephony.messaging;

import io.switchboard.models.settings.DataDir;
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
        WebhookSettings s = WebhookSettings.from(SettingsSource.empty(), new DataDir(Path.of("/srv/sb")));

        assertThat(s.answerWithin()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.spoolDir()).isEqualTo(Path.of("/srv/sb/inbox-spool"));
        assertThat(WebhookSettings.from(SettingsSource.empty(), DataDir.DEFAULT).spoolDir()).isEqualTo(Path.of("data/inbox-spool"));
    }

    @Test
    void readsTheBoundAndRefusesOnesTwilioWouldNotWaitFor() {
        assertThat(WebhookSettings.from(answerWithin("800ms"), DataDir.DEFAULT).answerWithin())
                .isEqualTo(Duration.ofMillis(800));
        assertThat(WebhookSettings.from(answerWithin("5s"), DataDir.DEFAULT).answerWithin())
                .isEqualTo(Duration.ofSeconds(5));
        for (String bad : new String[] {"15s", "0s", "soon", "-1s"}) {
            assertThatThrownBy(() -> WebhookSettings.from(answerWithin(bad), DataDir.DEFAULT))
                    .as(bad).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(WebhookSettings.ANSWER_WITHIN);
        }
    }

    private static SettingsSource answerWithin(String value) {
        return SettingsSource.of(Map.of(WebhookSettings.ANSWER_WITHIN, value));
    }
}
