package io.switchboard.dialog.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Sessions in this process's memory; the default when no Redis is configured. State is lost on restart.
 *
 * <p>Expiry is read from the injected clock. An expired session is dropped when it is next loaded, and
 * every save sweeps the whole map at most once per {@code sweepInterval} of clock time, so sessions of
 * callers who never come back do not pile up; no background thread is needed.
 */
public final class InMemorySessionStore implements SessionStore {

    /** How often, in clock time, a save also purges every expired session. */
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(1);

    private record Entry(String json, Instant expiresAt) {
        boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    private final ConcurrentMap<SessionKey, Entry> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration sweepInterval;
    private volatile Instant nextSweep;

    public InMemorySessionStore(Clock clock) {
        this(clock, DEFAULT_SWEEP_INTERVAL);
    }

    public InMemorySessionStore(Clock clock, Duration sweepInterval) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sweepInterval = Objects.requireNonNull(sweepInterval, "sweepInterval");
        this.nextSweep = clock.instant().plus(sweepInterval);
    }

    @Override
    public Optional<String> load(SessionKey key) {
        Objects.requireNonNull(key, "key");
        Instant now = clock.instant();
        Entry entry = sessions.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiredAt(now)) {
            // remove(key, value) so a concurrent fresh save is not thrown away
            sessions.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.json());
    }

    @Override
    public void save(SessionKey key, String json, Duration ttl) {
        SaveArguments.check(key, json, ttl);
        Instant now = clock.instant();
        sessions.put(key, new Entry(json, now.plus(ttl)));
        if (!now.isBefore(nextSweep)) {
            nextSweep = now.plus(sweepInterval);
            purgeExpired();
        }
    }

    @Override
    public void delete(SessionKey key) {
        sessions.remove(Objects.requireNonNull(key, "key"));
    }

    /**
     * Drops every expired session now.
     *
     * @return how many were dropped
     */
    public int purgeExpired() {
        Instant now = clock.instant();
        int removed = 0;
        for (var e : sessions.entrySet()) {
            if (e.getValue().expiredAt(now) && sessions.remove(e.getKey(), e.getValue())) {
                removed++;
            }
        }
        return removed;
    }

    /** Sessions held, including expired ones not yet purged. */
    public int size() {
        return sessions.size();
    }

    @Override
    public void close() {
        sessions.clear();
    }
}
