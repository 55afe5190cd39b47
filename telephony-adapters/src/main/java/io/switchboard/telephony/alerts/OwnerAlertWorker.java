package io.switchboard.telephony.alerts;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link OwnerAlertDispatcher} on a thread of its own: every {@code every} (aggregates, retries, alerts a
 * previous run left) and at once when an alert is queued ({@link #kick()}), so the first alert of a quiet spell goes
 * out within a second. Passes never overlap here; across instances the dispatcher's lock keeps them apart.
 */
public final class OwnerAlertWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerAlertWorker.class);

    private final OwnerAlertDispatcher dispatcher;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean kickQueued = new AtomicBoolean();

    public OwnerAlertWorker(OwnerAlertDispatcher dispatcher, Duration every) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-owner-alerts");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::passQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public OwnerAlertDispatcher dispatcher() {
        return dispatcher;
    }

    /** Asks for a pass soon; several kicks before it runs make one pass. Never blocks. */
    public void kick() {
        if (kickQueued.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    kickQueued.set(false);
                    passQuietly();
                });
            } catch (RejectedExecutionException e) {
                kickQueued.set(false); // closing: the alert stays queued for the next start
            }
        }
    }

    private void passQuietly() {
        try {
            dispatcher.dispatch();
        } catch (RuntimeException e) {
            // The alerts stay queued; the next pass tries again.
            LOG.warn("owner alert pass failed: {}", e.getClass().getName());
        }
    }

    /** Lets a pass in progress finish (up to {@code timeout}); queued alerts wait in the database for the next start. */
    public boolean stop(Duration timeout) {
        thread.shutdown();
        try {
            return thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (!stop(Duration.ofSeconds(5))) {
            thread.shutdownNow();
        }
    }
}
