package io.switchboard.dialog.session;

import io.switchboard.models.settings.SettingsFields;
import io.switchboard.models.settings.SettingsSource;

import java.util.Optional;

/**
 * Where conversations are kept: Redis when {@value SessionStores#REDIS_URL} is set (the one place it is read),
 * in process otherwise, holding at most {@value SessionStores#MAX_SESSIONS} of them.
 *
 * @param redisUrl    the Redis URL, checked to be one; empty for the in-process store
 * @param maxSessions in-process conversations kept before the least recently used is evicted
 */
public record SessionSettings(Optional<String> redisUrl, int maxSessions) {

    public SessionSettings {
        if (maxSessions < 1) {
            throw new IllegalArgumentException(SessionStores.MAX_SESSIONS + " must be at least 1");
        }
    }

    /** In process, the default cap. */
    public static SessionSettings defaults() {
        return new SessionSettings(Optional.empty(), InMemorySessionStore.DEFAULT_MAX_SESSIONS);
    }

    /** @throws IllegalArgumentException naming the variable; a malformed URL is never repeated (it may hold a password) */
    public static SessionSettings from(SettingsSource source) {
        // Both keys are read even when the first is bad, so one start-up names both.
        SettingsFields fields = new SettingsFields();
        Optional<String> url = source.value(SessionStores.REDIS_URL);
        fields.read(SessionStores.REDIS_URL, null, () -> url.map(RedisSessionStore::parse).orElse(null));
        int max = fields.read(SessionStores.MAX_SESSIONS, 0, () -> maxSessions(source));
        fields.check();
        return new SessionSettings(url, max);
    }

    private static int maxSessions(SettingsSource source) {
        String value = source.getOrDefault(SessionStores.MAX_SESSIONS, "").trim();
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
        throw new IllegalArgumentException(SessionStores.MAX_SESSIONS + " must be a whole number of sessions, at least"
                + " 1, was '" + value + "'");
    }

    @Override
    public String toString() {
        return "sessions=" + (redisUrl.isPresent() ? "redis" : "in-process (max " + maxSessions + ")");
    }
}
