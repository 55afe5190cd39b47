package io.switchboard.dialog.session;

import io.switchboard.models.settings.SettingsSource;

import io.switchboard.scheduling.testing.MutableClock;
import io.switchboard.models.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemorySessionStoreTest {

    private static final SessionKey SMS = new SessionKey(Channel.SMS, "+447700900123");
    private static final Duration TTL = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-10T09:00:00Z"), ZoneOffset.UTC);
    private final InMemorySessionStore store = new InMemorySessionStore(clock);

    @Test
    void savedStateIsLoadedBackUntilTheTtlRunsOut() {
        store.save(SMS, "{\"state\":\"COLLECTING\"}", TTL);

        clock.advance(TTL.minusMillis(1));
        assertThat(store.load(SMS)).contains("{\"state\":\"COLLECTING\"}");

        clock.advance(Duration.ofMillis(1));
        assertThat(store.load(SMS)).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void eachSaveRestartsTheInactivityTimer() {
        store.save(SMS, "{\"turn\":1}", TTL);
        clock.advance(Duration.ofMinutes(10));
        store.save(SMS, "{\"turn\":2}", TTL);
        clock.advance(Duration.ofMinutes(10));

        assertThat(store.load(SMS)).contains("{\"turn\":2}");
    }

    @Test
    void theSameCallerOnAnotherChannelHasAnotherSession() {
        SessionKey voice = new SessionKey(Channel.VOICE, SMS.id());
        store.save(SMS, "{\"sms\":true}", TTL);

        assertThat(store.load(voice)).isEmpty();
        store.save(voice, "{\"voice\":true}", TTL);
        assertThat(store.load(SMS)).contains("{\"sms\":true}");
        assertThat(store.load(voice)).contains("{\"voice\":true}");
    }

    @Test
    void deleteForgetsTheSessionAndIgnoresUnknownKeys() {
        store.save(SMS, "{}", TTL);
        store.delete(SMS);
        store.delete(new SessionKey(Channel.WEB, "never-seen"));

        assertThat(store.load(SMS)).isEmpty();
    }

    @Test
    void savesSweepAbandonedSessionsOncePerSweepInterval() {
        InMemorySessionStore swept = new InMemorySessionStore(clock, Duration.ofMinutes(5));
        for (int i = 0; i < 20; i++) {
            swept.save(new SessionKey(Channel.SMS, "+4477009001" + (10 + i)), "{}", Duration.ofMinutes(1));
        }
        clock.advance(Duration.ofMinutes(2));
        // all 20 expired, none loaded again: only the sweep can drop them
        assertThat(swept.size()).isEqualTo(20);

        clock.advance(Duration.ofMinutes(3));
        swept.save(SMS, "{}", TTL);

        assertThat(swept.size()).isEqualTo(1);
        assertThat(swept.load(SMS)).contains("{}");
    }

    @Test
    void purgeExpiredReportsWhatItDropped() {
        store.save(SMS, "{}", Duration.ofMinutes(1));
        store.save(new SessionKey(Channel.WEB, "abc"), "{}", Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(2));

        assertThat(store.purgeExpired()).isEqualTo(1);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void rejectsAZeroTtlAndNulls() {
        assertThatThrownBy(() -> store.save(SMS, "{}", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
        assertThatThrownBy(() -> store.save(SMS, null, TTL)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.load(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void beyondTheCapTheLeastRecentlyUsedSessionIsEvicted() {
        InMemorySessionStore capped = new InMemorySessionStore(clock, Duration.ofMinutes(1), 3);
        SessionKey a = new SessionKey(io.switchboard.models.Channel.SMS, "a");
        SessionKey b = new SessionKey(io.switchboard.models.Channel.SMS, "b");
        SessionKey c = new SessionKey(io.switchboard.models.Channel.SMS, "c");
        SessionKey d = new SessionKey(io.switchboard.models.Channel.SMS, "d");
        capped.save(a, "{\"n\":1}", Duration.ofMinutes(15));
        capped.save(b, "{\"n\":2}", Duration.ofMinutes(15));
        capped.save(c, "{\"n\":3}", Duration.ofMinutes(15));
        capped.load(a); // a is now more recent than b

        capped.save(d, "{\"n\":4}", Duration.ofMinutes(15));

        assertThat(capped.size()).isEqualTo(3);
        assertThat(capped.evicted()).isEqualTo(1);
        assertThat(capped.load(b)).as("least recently used").isEmpty();
        assertThat(capped.load(a)).contains("{\"n\":1}");
        assertThat(capped.load(c)).isPresent();
        assertThat(capped.load(d)).isPresent();
    }

    @Test
    void aFloodOfSessionsNeverHoldsMoreThanTheCap() {
        InMemorySessionStore capped = new InMemorySessionStore(clock, Duration.ofMinutes(1), 100);
        for (int i = 0; i < 5_000; i++) {
            capped.save(new SessionKey(io.switchboard.models.Channel.WEB, "flood-" + i), "{}", Duration.ofMinutes(15));
        }
        assertThat(capped.size()).isEqualTo(100);
        assertThat(capped.load(new SessionKey(io.switchboard.models.Channel.WEB, "flood-4999"))).isPresent();
        assertThat(capped.load(new SessionKey(io.switchboard.models.Channel.WEB, "flood-0"))).isEmpty();
    }

    @Test
    void theCapIsReadFromTheEnvironmentForTheInProcessStore() {
        try (SessionStore store = SessionStores.open(SessionSettings.from(SettingsSource.of(java.util.Map.of(SessionStores.MAX_SESSIONS, "42"))),
                clock)) {
            assertThat(((InMemorySessionStore) store).maxSessions()).isEqualTo(42);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SessionStores.open(SessionSettings.from(SettingsSource.of(
                java.util.Map.of(SessionStores.MAX_SESSIONS, "none"))), clock))
                .hasMessageContaining(SessionStores.MAX_SESSIONS);
    }
}
