package io.switchboard.dialog.session;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs work for the same key one piece at a time, and work for different keys in parallel: two messages
 * from the same caller are processed in order (load session, run the turn, save session) instead of racing
 * and losing one turn's changes.
 *
 * <p>The lock lives in this process only. With several Switchboard instances sharing Redis, two instances
 * may still process the same caller at once; route a caller to one instance (sticky sessions) if that matters.
 *
 * <p>Locks are created on demand and dropped once nobody holds or waits for them, so memory stays bounded
 * by the number of callers active at this moment. Blocking: call from worker threads, not an event loop.
 *
 * @param <K> the key type, e.g. {@link SessionKey}
 */
public final class KeyedLock<K> {

    private static final class Holder {
        final ReentrantLock lock = new ReentrantLock(true);
        /** Threads holding or waiting for {@link #lock}; guarded by the map's per-key compute. */
        volatile int users;
    }

    private final ConcurrentMap<K, Holder> holders = new ConcurrentHashMap<>();

    /** Runs {@code work} while holding the lock for {@code key}, and returns its result. */
    public <T> T withLock(K key, Supplier<T> work) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(work, "work");
        Holder holder = holders.compute(key, (k, h) -> {
            Holder held = h == null ? new Holder() : h;
            held.users++;
            return held;
        });
        holder.lock.lock();
        try {
            return work.get();
        } finally {
            holder.lock.unlock();
            holders.computeIfPresent(key, (k, h) -> --h.users == 0 ? null : h);
        }
    }

    /** Runs {@code work} while holding the lock for {@code key}. */
    public void run(K key, Runnable work) {
        Objects.requireNonNull(work, "work");
        withLock(key, () -> {
            work.run();
            return null;
        });
    }

    /** Threads holding or waiting for the lock of {@code key}; zero when the key is idle. */
    public int users(K key) {
        Holder holder = holders.get(key);
        return holder == null ? 0 : holder.users;
    }

    /** Keys with a lock currently held or awaited. */
    public int activeKeys() {
        return holders.size();
    }
}
