package io.switchboard.dialog.session;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionStoresTest {

    @Test
    void withoutRedisUrlSessionsStayInMemory() {
        try (SessionStore none = SessionStores.fromEnvironment(Map.of(), Clock.systemUTC());
             SessionStore blank = SessionStores.fromEnvironment(Map.of("REDIS_URL", "  "), Clock.systemUTC())) {
            assertThat(none).isInstanceOf(InMemorySessionStore.class);
            assertThat(blank).isInstanceOf(InMemorySessionStore.class);
        }
    }

    @Test
    void aMalformedRedisUrlIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> SessionStores.fromEnvironment(Map.of("REDIS_URL", "http://user:pw@host"),
                Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REDIS_URL")
                .hasMessageNotContaining("pw@");
    }
}
