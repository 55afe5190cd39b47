package io.switchboard.telephony.calllog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes calls older than the retention period: at start and then every {@link #EVERY}. The cut-off comes from the
 * injected clock, so a test moves time instead of waiting.
 */
public final class CallLogRetention implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallLogRetention.class);
    /** How often the purge runs; a call outlives its retention by at most this. */
    public static final Duration EVERY = Duration.ofHours(1);

    private final CallLogStore store;
    private final Clock clock;
    private final Duration keep;
    private ScheduledExecutorService timer;

    public CallLogRetention(CallLogStore store, Clock clock, Duration keep) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keep = Objects.requireNonNull(keep, "keep");
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + keep);
        }
    }

    /** Deletes the calls that started more than the retention period before now; returns how many. */
    public int purge() {
        Instant cutoff = clock.instant().minus(keep);
        int deleted = store.deleteStartedBefore(cutoff);
        if (deleted > 0) {
            LOG.info("call log: {} calls older than {} days deleted", deleted, keep.toDays());
        }
        return deleted;
    }

    /** Runs {@link #purge()} now and every {@link #EVERY} on a daemon thread of its own. Returns this. */
    public synchronized CallLogRetention start() {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-call-log-retention");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::purgeLogged, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** A failed purge (database down) is tried again at the next run rather than ending the schedule. */
    private void purgeLogged() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warn("call log: retention purge failed, retrying in {} min ({})", EVERY.toMinutes(),
                    e.getClass().getName());
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
