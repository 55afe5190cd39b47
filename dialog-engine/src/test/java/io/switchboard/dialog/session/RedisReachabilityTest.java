package io.switchboard.dialog.session;

import io.switchboard.dialog.testing.RedisServerProcess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the readiness probe asks of the Redis session store: a real server, then the same server stopped. */
class RedisReachabilityTest {

    @Test
    void reachableWhileTheServerRunsAndNotOnceItStops() throws Exception {
        RedisServerProcess redis = RedisServerProcess.start();
        try (RedisSessionStore store = new RedisSessionStore(redis.url(), Duration.ofMillis(500))) {
            assertThat(store.isReachable()).isTrue();

            redis.close();

            long start = System.nanoTime();
            assertThat(store.isReachable()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        } finally {
            redis.close();
        }
        assertThat(new InMemorySessionStore(java.time.Clock.systemUTC()).isReachable()).isTrue();
    }
}
