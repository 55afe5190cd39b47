package io.switchboard.telephony.slack;

import io.switchboard.models.settings.SettingsSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

    @Test
    void slackIsOffWithoutABotToken() {
        assertThat(SlackSettings.from(SettingsSource.of(Map.of(SlackSettings.SIGNING_SECRET, "s")))).isEmpty();
    }

    @Test
    void aBotTokenNeedsASigningSecretOrAnAppToken() {
        assertThatThrownBy(() -> SlackSettings.from(SettingsSource.of(Map.of(SlackSettings.BOT_TOKEN, "xoxb-1"))))
                .hasMessageContaining(SlackSettings.SIGNING_SECRET).hasMessageContaining(SlackSettings.APP_TOKEN);

        SlackSettings events = SlackSettings.from(SettingsSource.of(Map.of(SlackSettings.BOT_TOKEN, "xoxb-1",
                SlackSettings.SIGNING_SECRET, "secret"))).orElseThrow();
        SlackSettings socket = SlackSettings.from(SettingsSource.of(Map.of(SlackSettings.BOT_TOKEN, "xoxb-1",
                SlackSettings.APP_TOKEN, "xapp-1", SlackSettings.API_URL, "http://127.0.0.1:9/api",
                SlackSettings.STAFF_CHANNEL, "C123"))).orElseThrow();

        assertThat(events.eventsApi()).isTrue();
        assertThat(events.apiUrl()).isEqualTo(SlackSettings.DEFAULT_API_URL);
        assertThat(socket.eventsApi()).isFalse();
        assertThat(socket.apiUrl()).isEqualTo("http://127.0.0.1:9/api/");
        assertThat(socket.staffChannel()).contains("C123");
        assertThat(socket.toString()).doesNotContain("xoxb", "xapp");
    }

    @Test
    void theApiUrlMustBeHttp() {
        assertThatThrownBy(() -> SlackSettings.from(SettingsSource.of(Map.of(SlackSettings.BOT_TOKEN, "xoxb-1",
                SlackSettings.SIGNING_SECRET, "s", SlackSettings.API_URL, "file:///etc/passwd"))))
                .hasMessageContaining(SlackSettings.API_URL);
    }
}
