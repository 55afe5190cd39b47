package io.switchboard.dialog.session;

import io.switchboard.models.settings.SettingsSource;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.switchboard.dialog.testing.RedisServerProcess;
import io.switchboard.models.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the lettuce store against a real redis-server this test starts itself. */
class RedisSessionStoreTest {

    private static final SessionKey SMS = new SessionKey(Channel.SMS, "+447700900123");

    private static RedisServerProcess server;
    private static RedisClient rawClient;
    private static StatefulRedisConnection<String, String> raw;

    private RedisSessionStore store;

    @BeforeAll
    static void startRedis() throws Exception {
        server = RedisServerProcess.start();
        rawClient = RedisClient.create(server.url());
        raw = rawClient.connect();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (raw != null) {
            raw.close();
            rawClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void connect() {
        raw.sync().flushdb();
        store = new RedisSessionStore(server.url());
    }

    @AfterEach
    void disconnect() {
        store.close();
    }

    @Test
    void savedStateIsLoadedBackAndStoredUnderThePrefixedKeyWithATtl() {
        store.save(SMS, "{\"state\":\"OFFERING_SLOTS\"}", Duration.ofMinutes(15));

        assertThat(store.load(SMS)).contains("{\"state\":\"OFFERING_SLOTS\"}");
        String key = "switchboard:session:sms:+447700900123";
        assertThat(raw.sync().get(key)).isEqualTo("{\"state\":\"OFFERING_SLOTS\"}");
        assertThat(raw.sync().pttl(key)).isBetween(1L, Duration.ofMinutes(15).toMillis());
    }

    @Test
    void aSessionNotSavedWithinItsTtlExpires() throws Exception {
        store.save(SMS, "{}", Duration.ofMillis(50));

        // Redis expires the key itself; poll rather than sleep a guessed amount
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Optional<String> loaded = store.load(SMS);
        while (loaded.isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            loaded = store.load(SMS);
        }
        assertThat(loaded).isEmpty();
    }

    @Test
    void saveReplacesStateAndRestartsTheTtl() {
        store.save(SMS, "{\"turn\":1}", Duration.ofSeconds(30));
        store.save(SMS, "{\"turn\":2}", Duration.ofHours(1));

        assertThat(store.load(SMS)).contains("{\"turn\":2}");
        assertThat(raw.sync().pttl(RedisSessionStore.redisKey(SMS))).isGreaterThan(Duration.ofSeconds(30).toMillis());
    }

    @Test
    void channelsAreSeparateAndDeleteForgets() {
        SessionKey voice = new SessionKey(Channel.VOICE, SMS.id());
        store.save(SMS, "{\"sms\":1}", Duration.ofMinutes(5));
        store.save(voice, "{\"voice\":1}", Duration.ofMinutes(5));

        store.delete(SMS);
        store.delete(new SessionKey(Channel.WEB, "unknown"));

        assertThat(store.load(SMS)).isEmpty();
        assertThat(store.load(voice)).contains("{\"voice\":1}");
    }

    @Test
    void unicodeAndLargeStateSurviveTheRoundTrip() {
        String json = "{\"name\":\"Zoë O'Brien\",\"note\":\"" + "x".repeat(100_000) + "\"}";
        store.save(SMS, json, Duration.ofMinutes(5));

        assertThat(store.load(SMS)).contains(json);
    }

    @Test
    void theEnvironmentFactoryPicksRedisWhenRedisUrlIsSet() {
        try (SessionStore fromEnv = SessionStores.open(SessionSettings.from(SettingsSource.of(Map.of("REDIS_URL", server.url()))),
                Clock.systemUTC())) {
            assertThat(fromEnv).isInstanceOf(RedisSessionStore.class);
            fromEnv.save(SMS, "{\"env\":true}", Duration.ofMinutes(1));
            assertThat(store.load(SMS)).contains("{\"env\":true}");
        }
    }

    @Test
    void anUnreachableServerFailsAtStartWithoutLeakingThePassword() throws Exception {
        int closedPort;
        try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        String url = "redis://:s3cret@127.0.0.1:" + closedPort + "/0";

        assertThatThrownBy(() -> new RedisSessionStore(url, Duration.ofMillis(500)))
                .isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aServerGoingAwayMidwayGivesASessionStoreExceptionWithoutThePhoneNumber() throws Exception {
        RedisServerProcess doomed = RedisServerProcess.start();
        try (RedisSessionStore onDoomed = new RedisSessionStore(doomed.url(), Duration.ofMillis(500))) {
            onDoomed.save(SMS, "{}", Duration.ofMinutes(1));
            doomed.close();

            assertThatThrownBy(() -> onDoomed.load(SMS))
                    .isInstanceOf(SessionStoreException.class)
                    .hasMessageContaining("load")
                    .hasMessageNotContaining("7700900");
        } finally {
            doomed.close();
        }
    }

    @Test
    void aClosedStoreSaysSo() {
        RedisSessionStore closed = new RedisSessionStore(server.url());
        closed.close();
        closed.close();

        assertThatThrownBy(() -> closed.load(SMS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
