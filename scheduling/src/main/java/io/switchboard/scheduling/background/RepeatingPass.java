package io.switchboard.scheduling.background;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One piece of background work run again and again on a daemon thread of its own: the first pass after
 * {@code firstAfter}, then {@code every} after the previous pass ended. A pass that throws is handed to {@code failed} (to log)
 * and the next pass runs as planned; left to the executor, one throw would silently cancel the whole schedule.
 */
public final class RepeatingPass implements AutoCloseable {

    private final ScheduledExecutorService thread;

    private RepeatingPass(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    /**
     * Starts the passes.
     *
     * @param name   the thread's name, as it shows in a thread dump
     * @param failed told of a pass that threw (the database was down for a moment, say)
     */
    public static RepeatingPass start(String name, Duration firstAfter, Duration every, Runnable pass,
                                      Consumer<RuntimeException> failed) {
        Objects.requireNonNull(pass, "pass");
        Objects.requireNonNull(failed, "failed");
        if (every.isNegative() || every.isZero() || firstAfter.isNegative()) {
            throw new IllegalArgumentException("a repeating pass needs a positive interval");
        }
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                pass.run();
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        }, firstAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new RepeatingPass(thread);
    }

    /**
     * Lets a pass under way finish (for up to {@code within}, then interrupts it) and starts no other.
     *
     * @return true when no pass is running any more
     */
    public boolean stop(Duration within) {
        thread.shutdown();
        try {
            if (thread.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.shutdownNow();
        return false;
    }

    /** Stops at once, interrupting a pass under way. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
