package io.switchboard.media.stt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded set of recognition worker threads shared by every call, instead of one recogniser thread per call all
 * competing for the cores: at most {@code workers} recognisers decode at once, and when more calls have work than
 * there are workers, a final result someone is waiting for goes first, a speculative read next, and feeding audio of
 * callers still talking last (their audio waits in the call's {@link RecognitionLane}).
 *
 * <p>Each call has one lane: a serial queue on the shared pool. A lane is run by one worker at a time (recognisers are
 * not thread-safe), its work in the order the call made it. Feeding runs in slices of {@link #FEED_SLICE} frames so a
 * call that has fallen behind does not hold a worker while another call's final waits; once the call waits for a
 * result, its lane catches up without yielding.
 *
 * <p>All scheduling state is guarded by one lock, taken once per 20 ms frame per call: uncontended and allocation-free.
 */
public final class RecognitionWorkers implements AutoCloseable {

    /** Frames of audio a worker feeds before giving other waiting lanes a turn (100 ms of audio). */
    static final int FEED_SLICE = 5;
    /**
     * With more calls than workers, cores count as spare while the workers have lately been busy less than this share
     * of the time. Work done early because cores are spare (a grammar pass alongside the open one) about doubles a
     * talking call's decoding, so below 40 % it still leaves the pool short of full; above it the extra work would
     * queue behind the finals it was meant to speed up.
     */
    static final double SPARE_BELOW = 0.4;
    /**
     * Beyond this many calls per worker cores are never judged spare by how busy the workers were: measured on two
     * cores, the busy share let the grammar pass run alongside at 4 and 8 calls (turn p50 down 20 to 90 ms), but at 16
     * calls, whose talking bursts fill both cores, the turn p95 rose (5.6 s against 3.8 s).
     */
    static final int MOST_CALLS_PER_WORKER_FOR_SPARE = 4;

    private static final Logger LOG = LoggerFactory.getLogger(RecognitionWorkers.class);

    final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a lane becomes ready (for idle workers) and when a lane stops running (for closers). */
    private final Condition changed = lock.newCondition();
    private final Map<RecognitionPriority, ArrayDeque<RecognitionLane>> ready = new EnumMap<>(RecognitionPriority.class);
    private final RecognitionPriority[] order = RecognitionPriority.values();
    private final List<Thread> threads = new ArrayList<>();
    private final LongSupplier nanoTime;
    private final RecognitionObserver observer;
    private final int size;
    /** Lanes made and not yet retired: the calls recognition is serving. */
    private final AtomicInteger open = new AtomicInteger();
    /** Guarded by {@link #lock}. */
    private final WorkerLoad load;
    private boolean closed;

    private RecognitionWorkers(int workers, RecognitionObserver observer, LongSupplier nanoTime) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one recognition worker, was " + workers);
        }
        this.size = workers;
        this.observer = Objects.requireNonNull(observer, "observer");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.load = new WorkerLoad(workers);
        for (RecognitionPriority p : order) {
            ready.put(p, new ArrayDeque<>());
        }
    }

    /** Starts {@code workers} daemon threads; queue waits and work are measured in real time. */
    public static RecognitionWorkers start(int workers, RecognitionObserver observer) {
        return start(workers, observer, System::nanoTime);
    }

    static RecognitionWorkers start(int workers, RecognitionObserver observer, LongSupplier nanoTime) {
        RecognitionWorkers pool = new RecognitionWorkers(workers, observer, nanoTime);
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(pool::work, "stt-worker-" + i);
            t.setDaemon(true);
            pool.threads.add(t);
            t.start();
        }
        LOG.info("{} recognition workers", workers);
        return pool;
    }

    public int size() {
        return size;
    }

    /** A lane for one call's stream; the stream is used only by this pool's workers (and closed by the lane). */
    public RecognitionLane lane(RecognitionStream stream) {
        open.incrementAndGet();
        return new RecognitionLane(stream, this);
    }

    /**
     * Whether recognition has cores to spare: no more open lanes (calls) than workers, so no call's final waits for
     * another's, or up to {@link #MOST_CALLS_PER_WORKER_FOR_SPARE} calls per worker whose workers have lately been busy
     * less than {@link #SPARE_BELOW} of the time (calls spend most of theirs listening). Work a turn may not need is
     * done early only then.
     */
    boolean spare() {
        int calls = open.get();
        if (calls <= size) {
            return true;
        }
        if (calls > size * MOST_CALLS_PER_WORKER_FOR_SPARE) {
            return false;
        }
        lock.lock();
        try {
            return load.share(now()) < SPARE_BELOW;
        } finally {
            lock.unlock();
        }
    }

    /** The smoothed share of the workers' time spent decoding lately ({@link WorkerLoad}). */
    double busyShare() {
        lock.lock();
        try {
            return load.share(now());
        } finally {
            lock.unlock();
        }
    }

    long now() {
        return nanoTime.getAsLong();
    }

    RecognitionObserver observer() {
        return observer;
    }

    /**
     * The lane has work at {@code priority}: queue it (or move it up) unless a worker already runs it, in which case
     * that worker queues it again when it stops. Caller holds {@link #lock}.
     */
    void ready(RecognitionLane lane, RecognitionPriority priority) {
        if (lane.retired) {
            return;
        }
        switch (lane.state) {
            case RUNNING -> {
                // the running worker looks at the lane's work again before letting go of it
            }
            case READY -> {
                if (priority.ordinal() < lane.readyAt.ordinal()) {
                    ready.get(lane.readyAt).remove(lane);
                    enqueue(lane, priority);
                }
            }
            case IDLE -> enqueue(lane, priority);
        }
    }

    private void enqueue(RecognitionLane lane, RecognitionPriority priority) {
        lane.state = RecognitionLane.State.READY;
        lane.readyAt = priority;
        lane.readySince = now();
        ready.get(priority).addLast(lane);
        changed.signalAll();
    }

    /** Takes the lane out of the ready queue and waits until no worker runs it. Caller holds {@link #lock}. */
    void retire(RecognitionLane lane) {
        if (!lane.retired) {
            open.decrementAndGet();
        }
        lane.retired = true;
        while (lane.state == RecognitionLane.State.RUNNING) {
            changed.awaitUninterruptibly();
        }
        if (lane.state == RecognitionLane.State.READY) {
            ready.get(lane.readyAt).remove(lane);
        }
        lane.state = RecognitionLane.State.IDLE;
    }

    /** A worker thread: takes the most urgent ready lane, runs a slice of its work, and queues it again if needed. */
    private void work() {
        while (true) {
            RecognitionLane lane;
            RecognitionPriority priority;
            long waited;
            lock.lock();
            try {
                while ((lane = next()) == null) {
                    if (closed) {
                        return;
                    }
                    changed.awaitUninterruptibly();
                }
                priority = lane.readyAt;
                waited = now() - lane.readySince;
                lane.state = RecognitionLane.State.RUNNING;
            } finally {
                lock.unlock();
            }
            observer.waited(priority, waited);
            long began = now();
            lane.runSlice();
            lock.lock();
            try {
                long ended = now();
                load.busy(ended - began, ended);
                lane.state = RecognitionLane.State.IDLE;
                RecognitionPriority more = lane.retired ? null : lane.pendingPriority();
                if (more != null) {
                    enqueue(lane, more);
                } else {
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Lanes waiting for a worker at {@code priority} now. */
    int readyAt(RecognitionPriority priority) {
        lock.lock();
        try {
            return ready.get(priority).size();
        } finally {
            lock.unlock();
        }
    }

    private RecognitionLane next() {
        for (RecognitionPriority p : order) {
            RecognitionLane lane = ready.get(p).pollFirst();
            if (lane != null) {
                return lane;
            }
        }
        return null;
    }

    /** Stops the workers once the ready queue is empty; lanes must be closed first. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
