package io.switchboard.telephony.privacy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one job that enforces every retention period: runs each {@link RetentionRule} at start and then every
 * {@link #EVERY}, on a daemon thread of its own. "Now" comes from the injected clock, so a test moves time and calls
 * {@link #runOnce()} instead of waiting. A rule that fails (database down) is logged and tried again at the next
 * run; it never stops the others or the schedule.
 */
public final class RetentionSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);
    /** How often the rules run; data outlives its period by at most this. */
    public static final Duration EVERY = Duration.ofHours(1);

    private final List<RetentionRule> rules;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public RetentionSchedule(Clock clock, List<RetentionRule> rules) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = List.copyOf(rules);
    }

    /** Runs every rule once; returns how many items they removed in all. */
    public int runOnce() {
        int total = 0;
        for (RetentionRule rule : rules) {
            try {
                int n = rule.purge(clock.instant());
                if (n > 0) {
                    LOG.info("retention: {} {} past their period removed", n, rule.name());
                }
                total += n;
            } catch (RuntimeException e) {
                LOG.warn("retention: {} failed, retrying in {} min ({})", rule.name(), EVERY.toMinutes(),
                        e.getClass().getName());
            }
        }
        return total;
    }

    /** Runs {@link #runOnce()} now and every {@link #EVERY}. Returns this. */
    public synchronized RetentionSchedule start() {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-retention");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runOnce, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
