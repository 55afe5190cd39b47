package io.switchboard.dialog.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions in this process's memory; the default when no Redis is configured. State is lost on restart.
 *
 * <p>Expiry is read from the injected clock. An expired session is dropped when it is next loaded, and
 * every save sweeps the whole map at most once per {@code sweepInterval} of clock time, so sessions of
 * callers who never come back do not pile up; no background thread is needed.
 *
 * <p>Memory is bounded: at most {@code maxSessions} are held, and saving one more evicts the least recently used
 * (loaded or saved) session. A flood of one-message conversations therefore costs old idle sessions, never the
 * process. All access is under one lock; each operation is a map lookup, and the sweep is rare.
 */
public final class InMemorySessionStore implements SessionStore {

    /** How often, in clock time, a save also purges every expired session. */
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(1);
    /** Far above what one server's calls and texts keep open within a session timeout. */
    public static final int DEFAULT_MAX_SESSIONS = 10_000;

    private record Stored(String json, Instant expiresAt) {
        boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    private final Map<SessionKey, Stored> sessions;
    private final Clock clock;
    private final Duration sweepInterval;
    private final int maxSessions;
    private Instant nextSweep;
    private long evicted;

    public InMemorySessionStore(Clock clock) {
        this(clock, DEFAULT_SWEEP_INTERVAL, DEFAULT_MAX_SESSIONS);
    }

    public InMemorySessionStore(Clock clock, Duration sweepInterval) {
        this(clock, sweepInterval, DEFAULT_MAX_SESSIONS);
    }

    /** @param maxSessions most sessions held; the least recently used is evicted beyond it */
    public InMemorySessionStore(Clock clock, Duration sweepInterval, int maxSessions) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sweepInterval = Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1, was " + maxSessions);
        }
        this.maxSessions = maxSessions;
        this.nextSweep = clock.instant().plus(sweepInterval);
        // access order: iteration starts at the least recently used entry
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SessionKey, Stored> eldest) {
                if (size() > InMemorySessionStore.this.maxSessions) {
                    evicted++;
                    return true;
                }
                return false;
            }
        };
    }

    @Override
    public synchronized Optional<String> load(SessionKey key) {
        Objects.requireNonNull(key, "key");
        Stored entry = sessions.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiredAt(clock.instant())) {
            sessions.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.json());
    }

    @Override
    public synchronized void save(SessionKey key, String json, Duration ttl) {
        SaveArguments.check(key, json, ttl);
        Instant now = clock.instant();
        if (!now.isBefore(nextSweep)) {
            nextSweep = now.plus(sweepInterval);
            purgeExpired();
        }
        sessions.put(key, new Stored(json, now.plus(ttl)));
    }

    @Override
    public synchronized void delete(SessionKey key) {
        sessions.remove(Objects.requireNonNull(key, "key"));
    }

    /**
     * Drops every expired session now.
     *
     * @return how many were dropped
     */
    public synchronized int purgeExpired() {
        Instant now = clock.instant();
        int removed = 0;
        for (Iterator<Stored> it = sessions.values().iterator(); it.hasNext(); ) {
            if (it.next().expiredAt(now)) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    /** Sessions held, including expired ones not yet purged. */
    public synchronized int size() {
        return sessions.size();
    }

    /** Sessions evicted so far because {@code maxSessions} were held. */
    public synchronized long evicted() {
        return evicted;
    }

    public int maxSessions() {
        return maxSessions;
    }

    @Override
    public synchronized void close() {
        sessions.clear();
    }
}
