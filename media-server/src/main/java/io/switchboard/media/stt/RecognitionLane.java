package io.switchboard.media.stt;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One call's serial lane on the shared {@link RecognitionWorkers}: the call's side of its recognition stream. Audio
 * ({@link #accept}) and resets are queued in the lane's preallocated {@link LaneAudio} and return at once; results
 * ({@link #partial} at {@link RecognitionPriority#SPECULATIVE}, {@link #finish} at {@link RecognitionPriority#FINAL})
 * are computed by a worker after all the audio before them and waited for, as the call's thread used to wait for its
 * own decoding. Only one worker at a time touches the underlying stream, in the order the call made its requests, so
 * the result of a turn is the same as when the call's thread fed the recogniser itself.
 *
 * <p>Like any stream, a lane is used from one thread (the call's). The per-frame path ({@link #accept}) allocates
 * nothing; a request allocates one small object per partial or final.
 */
public final class RecognitionLane implements RecognitionStream {

    /** About five seconds of audio may wait for a worker before the call's thread is held back (and its own ring fills). */
    static final int AUDIO_SLOTS = 256;
    private static final long FULL_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    enum State { IDLE, READY, RUNNING }

    private final RecognitionStream stream;
    private final RecognitionWorkers workers;
    private final LaneAudio audio = new LaneAudio(AUDIO_SLOTS);
    /** Worker side: one slot of audio handed to the recogniser. */
    private final short[] scratch = new short[LaneAudio.SLOT_SAMPLES];

    // Guarded by workers.lock.
    State state = State.IDLE;
    RecognitionPriority readyAt;
    long readySince;
    /** Closing: no worker takes the lane up again. */
    boolean retired;

    /** The result the call is waiting for, if any; set by the call, cleared by the worker that completes it. */
    private volatile Request request;
    /** The recogniser failed on a worker; every later use of the lane throws it on the call's thread. */
    private volatile RuntimeException failure;
    // Call side.
    private boolean closed;
    private long heldBack;

    RecognitionLane(RecognitionStream stream, RecognitionWorkers workers) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.workers = workers;
    }

    @Override
    public void accept(short[] pcm16k, int len) {
        usable();
        if (len < 0 || len > pcm16k.length) {
            throw new IndexOutOfBoundsException("len " + len + " for array of " + pcm16k.length);
        }
        while (!audio.offer(pcm16k, len)) {
            holdBack();
        }
        schedule(RecognitionPriority.FEED);
    }

    @Override
    public String partial() {
        return (String) call(RecognitionPriority.SPECULATIVE, "partial", RecognitionStream::partial);
    }

    @Override
    public String finalResult() {
        return (String) call(RecognitionPriority.FINAL, "final", RecognitionStream::finalResult);
    }

    @Override
    public Recognition finish(ListeningFor expected) {
        return (Recognition) call(RecognitionPriority.FINAL, "final", s -> s.finish(expected));
    }

    /** Settled at {@link RecognitionPriority#SPECULATIVE}: the turn may be over, but nobody waits for it yet. */
    @SuppressWarnings("unchecked")
    @Override
    public Optional<Recognition> settle(ListeningFor expected) {
        return (Optional<Recognition>) call(RecognitionPriority.SPECULATIVE, "settle", s -> s.settle(expected));
    }

    @Override
    public void reset() {
        queue(audio::offerReset);
    }

    @Override
    public void resume() {
        queue(audio::offerResume);
    }

    /** Queued, not waited for: the turn's transcript is already the settled one, so no reply waits on this. */
    @Override
    public void endSettled() {
        queue(audio::offerEndSettled);
    }

    /** Queues the expectation after the audio before it; whether cores are spare is judged now, by the workers. */
    @Override
    public void expect(ListeningFor expected, boolean spareCapacity) {
        boolean spare = spareCapacity && workers.spare();
        queue(() -> audio.offerExpect(expected, spare));
    }

    /**
     * Queues a slot that is not audio (a marker, an expectation) after the audio before it, waiting while the lane is
     * full. Once per turn, off the per-frame path ({@link #accept} queues its audio without this).
     */
    private void queue(BooleanSupplier offer) {
        usable();
        while (!offer.getAsBoolean()) {
            holdBack();
        }
        schedule(RecognitionPriority.FEED);
    }

    @Override
    public void setPhraseHints(List<String> phrases) {
        call(RecognitionPriority.FINAL, "hints", s -> {
            s.setPhraseHints(phrases);
            return null;
        });
    }

    /** Waits for any work of the lane's in progress, drops audio still queued, and closes the stream. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        workers.lock.lock();
        try {
            workers.retire(this);
        } finally {
            workers.lock.unlock();
        }
        audio.clear();
        stream.close();
    }

    /** Times the call's thread found the lane full (a worker over five seconds behind) and waited. */
    public long heldBack() {
        return heldBack;
    }

    /** Frames of audio queued and not yet fed. */
    int queued() {
        return audio.size();
    }

    private void holdBack() {
        heldBack++;
        schedule(RecognitionPriority.FEED);
        LockSupport.parkNanos(this, FULL_WAIT_NANOS);
        usable();
    }

    private Object call(RecognitionPriority priority, String label, Function<RecognitionStream, Object> work) {
        usable();
        Request r = new Request(priority, label, work, Thread.currentThread());
        request = r;
        schedule(priority);
        while (!r.done) {
            LockSupport.park(this);
        }
        if (r.failure != null) {
            throw r.failure;
        }
        return r.result;
    }

    private void schedule(RecognitionPriority priority) {
        workers.lock.lock();
        try {
            workers.ready(this, priority);
        } finally {
            workers.lock.unlock();
        }
    }

    private void usable() {
        if (closed) {
            throw new IllegalStateException("recognition stream is closed");
        }
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    /** Worker, holding the lock: the priority of what is left to do, or null when nothing is. */
    RecognitionPriority pendingPriority() {
        Request r = request;
        if (r != null) {
            return r.priority;
        }
        return audio.isEmpty() || failure != null ? null : RecognitionPriority.FEED;
    }

    /**
     * Worker, owning the lane: feeds queued audio, a slice of it unless a final is waiting, then answers the call's
     * request once all audio before it is in.
     */
    void runSlice() {
        Request r = request;
        RecognitionObserver observer = workers.observer();
        try {
            if (failure == null) {
                int max = r != null && r.priority == RecognitionPriority.FINAL ? Integer.MAX_VALUE
                        : RecognitionWorkers.FEED_SLICE;
                long start = workers.now();
                int fed = audio.drain(stream, max, scratch);
                if (fed > 0) {
                    observer.worked("feed", (workers.now() - start) / fed);
                }
                if (r != null && audio.isEmpty()) {
                    long began = workers.now();
                    Object result = r.work.apply(stream);
                    observer.worked(r.label, workers.now() - began);
                    complete(r, result, null);
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure != null) {
            audio.clear();
            if (r != null && !r.done) {
                complete(r, null, failure);
            }
        }
    }

    private void complete(Request r, Object result, RuntimeException failed) {
        r.result = result;
        r.failure = failed;
        // Cleared before the call is released: its next request must not be cleared by this one.
        request = null;
        r.done = true;
        LockSupport.unpark(r.waiter);
    }

    private static final class Request {
        final RecognitionPriority priority;
        final String label;
        final Function<RecognitionStream, Object> work;
        final Thread waiter;
        Object result;
        RuntimeException failure;
        volatile boolean done;

        Request(RecognitionPriority priority, String label, Function<RecognitionStream, Object> work, Thread waiter) {
            this.priority = priority;
            this.label = label;
            this.work = work;
            this.waiter = waiter;
        }
    }
}
