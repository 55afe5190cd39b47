package io.switchboard.dialog.session;

import io.switchboard.models.settings.SettingsSource;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionStoresTest {

    @Test
    void withoutRedisUrlSessionsStayInMemory() {
        try (SessionStore none = SessionStores.open(SessionSettings.from(SettingsSource.of(Map.of())), Clock.systemUTC());
             SessionStore blank = SessionStores.open(SessionSettings.from(SettingsSource.of(Map.of("REDIS_URL", "  "))), Clock.systemUTC())) {
            assertThat(none).isInstanceOf(InMemorySessionStore.class);
            assertThat(blank).isInstanceOf(InMemorySessionStore.class);
        }
    }

    @Test
    void aMalformedRedisUrlIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> SessionStores.open(SessionSettings.from(SettingsSource.of(Map.of("REDIS_URL", "http://user:pw@host"))),
                Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REDIS_URL")
                .hasMessageNotContaining("pw@");
    }
}
