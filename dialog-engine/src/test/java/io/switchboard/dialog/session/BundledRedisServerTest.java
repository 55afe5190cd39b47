package io.switchboard.dialog.session;

import io.switchboard.dialog.testing.RedisServerProcess;
import io.switchboard.models.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redis-server that ships inside the embedded-redis test dependency, used when none is installed: run here
 * even where one is installed, so a machine with Redis still checks the path a bare machine takes.
 */
class BundledRedisServerTest {

    @Test
    void theBundledRedisServerStoresAndExpiresSessions() throws Exception {
        SessionKey key = new SessionKey(Channel.WHATSAPP, "+447700900456");
        try (RedisServerProcess bundled = RedisServerProcess.start(RedisServerProcess.bundledBinary());
             RedisSessionStore store = new RedisSessionStore(bundled.url())) {
            store.save(key, "{\"step\":\"date\"}", Duration.ofMinutes(5));
            assertThat(store.load(key)).isEqualTo(Optional.of("{\"step\":\"date\"}"));

            store.save(key, "{}", Duration.ofMillis(50));
            Thread.sleep(200);
            assertThat(store.load(key)).isEmpty();
        }
    }
}
