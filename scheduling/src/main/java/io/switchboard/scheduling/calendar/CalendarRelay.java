package io.switchboard.scheduling.calendar;

import io.switchboard.scheduling.background.RepeatingPass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Delivers the calendar outbox in the background: every {@code interval} it drains pending changes to the sink on
 * its own thread (JDBC and the sink block). After a failed push it waits longer before the next try, doubling up
 * to {@code maxBackoff}, measured on the injected clock. Any number of instances may run a relay over one
 * database; {@link CalendarOutbox#drain} makes sure each change is pushed by one of them.
 *
 * <p>Shutdown is bounded: a pass checks between changes whether the relay is closing, and the last pass on
 * {@link #close} stops after {@link #FLUSH_WITHIN}; whatever is left is delivered by the next start (or another
 * instance).
 */
public final class CalendarRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarRelay.class);
    /** Changes per pass: bounds one pass so backoff is never far away. */
    static final int BATCH = 100;
    /** How long {@link #close} keeps delivering what arrived since the last pass. */
    static final Duration FLUSH_WITHIN = Duration.ofSeconds(5);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(15);

    private final CalendarOutbox outbox;
    private final CalendarSink sink;
    private final Clock clock;
    private final Duration interval;
    private final Duration maxBackoff;
    /** One pass at a time; guards the backoff state. */
    private final Object passLock = new Object();
    private volatile boolean closing;
    private RepeatingPass scheduler;
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
        if (scheduler != null || closing) {
            throw new IllegalStateException("relay already started");
        }
        // The database may be down for a moment; the next pass tries again.
        scheduler = RepeatingPass.start("calendar-relay", Duration.ZERO, interval, this::runOnce,
                e -> LOG.warn("calendar relay pass failed: {}", e.toString()));
        return this;
    }

    /**
     * One pass: delivers up to {@link #BATCH} changes, unless backing off after a failure.
     *
     * @return how many changes were delivered
     */
    public int runOnce() {
        synchronized (passLock) {
            Instant now = clock.instant();
            if (now.isBefore(notBefore)) {
                return 0;
            }
            int delivered = 0;
            while (delivered < BATCH && !closing) {
                CalendarOutbox.DrainResult result = outbox.drain(sink, 1);
                if (result.stoppedOnFailure()) {
                    consecutiveFailures++;
                    notBefore = now.plus(backoff(consecutiveFailures));
                    return delivered;
                }
                if (result.delivered() == 0) {
                    break;
                }
                delivered++;
            }
            consecutiveFailures = 0;
            notBefore = Instant.MIN;
            return delivered;
        }
    }

    /** The wait after {@code failures} failed passes in a row: interval, 2x, 4x ... capped at maxBackoff. */
    Duration backoff(int failures) {
        Duration wait = interval;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /**
     * Stops the schedule (a pass under way ends after its current change), then delivers for up to
     * {@link #FLUSH_WITHIN} what was booked since, unless the calendar is failing.
     */
    @Override
    public void close() {
        RepeatingPass s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
            closing = true;
        }
        if (s == null) {
            return;
        }
        s.stop(STOP_WITHIN);
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("calendar relay could not flush on close: {}", e.toString());
        }
    }

    private void flush() {
        synchronized (passLock) {
            Instant deadline = clock.instant().plus(FLUSH_WITHIN);
            if (clock.instant().isBefore(notBefore)) {
                return;
            }
            while (clock.instant().isBefore(deadline) && outbox.drain(sink, 1).delivered() == 1) {
                // one change at a time, so the deadline is checked between pushes
            }
        }
    }
}
