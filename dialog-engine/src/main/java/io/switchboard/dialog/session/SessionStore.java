package io.switchboard.dialog.session;

import java.time.Duration;
import java.util.Optional;

/**
 * Keeps each conversation's serialized state between turns. The state is opaque JSON to the store;
 * a session that is not saved again within its TTL disappears (inactivity timeout).
 *
 * <p>Implementations may block (network I/O): call them off the event loop.
 */
public interface SessionStore extends AutoCloseable {

    /** The stored state, or empty when there is none or it has expired. */
    Optional<String> load(SessionKey key);

    /**
     * Stores (or replaces) the state and restarts its inactivity timer.
     *
     * @param ttl how long the session survives without another save; must be at least one millisecond
     */
    void save(SessionKey key, String json, Duration ttl);

    /** Forgets the session; a no-op when there is none. */
    void delete(SessionKey key);

    /**
     * Whether the store answers right now, for readiness probes; bounded by the store's own timeout. Always true for
     * a store in this process.
     */
    default boolean isReachable() {
        return true;
    }

    @Override
    void close();

}
