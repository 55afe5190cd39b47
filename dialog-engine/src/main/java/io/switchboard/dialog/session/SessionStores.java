package io.switchboard.dialog.session;

import java.time.Clock;
import java.util.Map;

/** Chooses the session store from the environment: Redis when {@code REDIS_URL} is set, memory otherwise. */
public final class SessionStores {

    public static final String REDIS_URL = "REDIS_URL";

    private SessionStores() {
    }

    /** Reads the process environment; in-memory sessions use the system clock. */
    public static SessionStore fromEnvironment() {
        return fromEnvironment(System.getenv(), Clock.systemUTC());
    }

    /**
     * @param env   environment variables (only {@code REDIS_URL} is read)
     * @param clock the clock the in-memory store expires sessions by
     * @throws IllegalArgumentException when {@code REDIS_URL} is set but malformed
     * @throws SessionStoreException    when {@code REDIS_URL} is set but Redis cannot be reached
     */
    public static SessionStore fromEnvironment(Map<String, String> env, Clock clock) {
        String url = env.get(REDIS_URL);
        if (url == null || url.isBlank()) {
            return new InMemorySessionStore(clock);
        }
        return new RedisSessionStore(url);
    }
}
