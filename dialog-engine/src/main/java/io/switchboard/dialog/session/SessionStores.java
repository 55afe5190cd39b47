package io.switchboard.dialog.session;

import java.time.Clock;
import java.util.Map;

/** Chooses the session store from the environment: Redis when {@code REDIS_URL} is set, memory otherwise. */
public final class SessionStores {

    public static final String REDIS_URL = "REDIS_URL";
    public static final String MAX_SESSIONS = "SWITCHBOARD_MAX_SESSIONS";

    private SessionStores() {
    }

    /** Reads the process environment; in-memory sessions use the system clock. */
    public static SessionStore fromEnvironment() {
        return fromEnvironment(System.getenv(), Clock.systemUTC());
    }

    /**
     * @param env   environment variables ({@code REDIS_URL}; {@code SWITCHBOARD_MAX_SESSIONS} for the in-process store)
     * @param clock the clock the in-memory store expires sessions by
     * @throws IllegalArgumentException when {@code REDIS_URL} is set but malformed, or the session cap is not a
     *                                  positive number
     * @throws SessionStoreException    when {@code REDIS_URL} is set but Redis cannot be reached
     */
    public static SessionStore fromEnvironment(Map<String, String> env, Clock clock) {
        String url = env.get(REDIS_URL);
        if (url == null || url.isBlank()) {
            return new InMemorySessionStore(clock, InMemorySessionStore.DEFAULT_SWEEP_INTERVAL, maxSessions(env));
        }
        return new RedisSessionStore(url);
    }

    private static int maxSessions(Map<String, String> env) {
        String value = env.getOrDefault(MAX_SESSIONS, "").trim();
        if (value.isEmpty()) {
            return InMemorySessionStore.DEFAULT_MAX_SESSIONS;
        }
        try {
            int max = Integer.parseInt(value);
            if (max >= 1) {
                return max;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(MAX_SESSIONS + " must be a whole number of sessions, at least 1, was '"
                + value + "'");
    }
}
