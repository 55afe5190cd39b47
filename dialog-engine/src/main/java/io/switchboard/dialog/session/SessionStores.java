package io.switchboard.dialog.session;

import java.time.Clock;

/** Opens the session store the settings name: Redis when {@code REDIS_URL} is set, memory otherwise. */
public final class SessionStores {

    public static final String REDIS_URL = "REDIS_URL";
    public static final String MAX_SESSIONS = "SWITCHBOARD_MAX_SESSIONS";

    private SessionStores() {
    }

    /**
     * @param settings where sessions are kept
     * @param clock    the clock the in-memory store expires sessions by
     * @throws SessionStoreException when Redis is configured but cannot be reached
     */
    public static SessionStore open(SessionSettings settings, Clock clock) {
        return settings.redisUrl().<SessionStore>map(RedisSessionStore::new)
                .orElseGet(() -> new InMemorySessionStore(clock, InMemorySessionStore.DEFAULT_SWEEP_INTERVAL,
                        settings.maxSessions()));
    }
}
