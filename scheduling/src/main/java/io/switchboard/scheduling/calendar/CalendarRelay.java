package io.switchboard.scheduling.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the calendar outbox in the background: every {@code interval} it drains pending changes to the sink on
 * its own thread (JDBC and the sink block). After a failed push it waits longer before the next try, doubling up
 * to {@code maxBackoff}, measured on the injected clock. Any number of instances may run a relay over one
 * database; {@link CalendarOutbox#drain} makes sure each change is pushed by one of them.
 */
public final class CalendarRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarRelay.class);
    /** Changes per pass: bounds one pass so shutdown and backoff are never far away. */
    static final int BATCH = 100;

    private final CalendarOutbox outbox;
    private final CalendarSink sink;
    private final Clock clock;
    private final Duration interval;
    private final Duration maxBackoff;
    private ScheduledExecutorService scheduler;
    private int consecutiveFailures;
    private Instant notBefore = Instant.MIN;

    public CalendarRelay(CalendarOutbox outbox, CalendarSink sink, Clock clock, Duration interval, Duration maxBackoff) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (interval.isNegative() || interval.isZero() || maxBackoff.compareTo(interval) < 0) {
            throw new IllegalArgumentException("interval must be positive and maxBackoff at least the interval");
        }
        this.interval = interval;
        this.maxBackoff = maxBackoff;
    }

    /** Starts the periodic passes on a daemon thread of its own. */
    public synchronized CalendarRelay start() {
        if (scheduler != null) {
            throw new IllegalStateException("relay already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "calendar-relay");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::passLoggingErrors, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * One pass: drains up to {@link #BATCH} changes unless backing off after a failure.
     *
     * @return how many changes were delivered
     */
    public synchronized int runOnce() {
        Instant now = clock.instant();
        if (now.isBefore(notBefore)) {
            return 0;
        }
        CalendarOutbox.DrainResult result = outbox.drain(sink, BATCH);
        if (result.stoppedOnFailure()) {
            consecutiveFailures++;
            notBefore = now.plus(backoff(consecutiveFailures));
        } else {
            consecutiveFailures = 0;
            notBefore = Instant.MIN;
        }
        return result.delivered();
    }

    /** The wait after {@code failures} failed passes in a row: interval, 2x, 4x ... capped at maxBackoff. */
    Duration backoff(int failures) {
        Duration wait = interval;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private void passLoggingErrors() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // The database may be down for a moment; the next pass tries again. A throw would cancel the schedule.
            LOG.warn("calendar relay pass failed: {}", e.toString());
        }
    }

    /** Stops the schedule, then makes one last pass so changes booked just before shutdown are not left waiting. */
    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s == null) {
            return;
        }
        s.shutdown();
        try {
            if (!s.awaitTermination(10, TimeUnit.SECONDS)) {
                s.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.shutdownNow();
            return;
        }
        passLoggingErrors();
    }
}
