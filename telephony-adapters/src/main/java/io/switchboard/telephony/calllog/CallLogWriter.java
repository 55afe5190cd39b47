package io.switchboard.telephony.calllog;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.dialog.metrics.Metrics;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores finished calls on a thread of its own, so a call's threads only ever hand a record over: {@link #submit}
 * never waits. The queue is bounded; when the database is slow or down and the queue is full, a call's log is
 * dropped with a counted warning rather than holding up a live call.
 */
public final class CallLogWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallLogWriter.class);
    /** Finished calls waiting to be stored; far more than end at once on one server. */
    public static final int DEFAULT_CAPACITY = 256;

    private final Consumer<LoggedCall> store;
    private final BlockingQueue<LoggedCall> queue;
    private final Thread thread;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closing;

    public CallLogWriter(CallLogStore store) {
        this(call -> store.save(call), DEFAULT_CAPACITY);
    }

    /** @param store writes one call; blocking is fine, it runs on the writer's thread */
    public CallLogWriter(Consumer<LoggedCall> store, int capacity) {
        this.store = Objects.requireNonNull(store, "store");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "switchboard-call-log");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a finished call for storing. Returns at once.
     *
     * @return false if it was dropped (queue full, or the writer is closing)
     */
    public boolean submit(LoggedCall call) {
        Objects.requireNonNull(call, "call");
        if (!closing && queue.offer(call)) {
            return true;
        }
        long n = dropped.incrementAndGet();
        LOG.warn("call log: {} NOT stored, writer queue full or closing ({} dropped so far)", call, n);
        return false;
    }

    /** Calls stored so far. */
    public long stored() {
        return stored.get();
    }

    /** Calls dropped because the queue was full (or the writer closed). */
    public long dropped() {
        return dropped.get();
    }

    /** Calls the store refused or failed on. */
    public long failed() {
        return failed.get();
    }

    /**
     * {@code switchboard_call_log_calls_total{result=stored|dropped|failed}}: what became of finished calls. Returns
     * this.
     */
    public CallLogWriter withMetrics(Metrics metrics) {
        String name = Metrics.PREFIX + "call.log.calls";
        MeterRegistry registry = metrics.registry();
        FunctionCounter.builder(name, stored, AtomicLong::get)
                .description("Finished calls by what became of their log").tag("result", "stored").register(registry);
        FunctionCounter.builder(name, dropped, AtomicLong::get)
                .description("Finished calls by what became of their log").tag("result", "dropped").register(registry);
        FunctionCounter.builder(name, failed, AtomicLong::get)
                .description("Finished calls by what became of their log").tag("result", "failed").register(registry);
        return this;
    }

    /** Calls waiting to be stored. */
    public int pending() {
        return queue.size();
    }

    private void run() {
        while (!closing || !queue.isEmpty()) {
            LoggedCall call;
            try {
                call = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // close() gave up waiting: what is still queued is lost, and counted.
                dropped.addAndGet(queue.size());
                return;
            }
            if (call == null) {
                continue;
            }
            try {
                store.accept(call);
                stored.incrementAndGet();
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                LOG.error("call log: {} NOT stored ({})", call, e.getClass().getName());
            }
        }
    }

    /** Stores what is queued (up to {@code within}), then stops. */
    public void close(Duration within) {
        closing = true;
        try {
            thread.join(Math.max(1, within.toMillis()));
            if (thread.isAlive()) {
                LOG.warn("call log: {} calls still queued at shutdown are not stored", queue.size());
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
