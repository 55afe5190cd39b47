package io.switchboard.media.call;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Caller audio handed from the network thread to the call's listening thread: a preallocated single-producer,
 * single-consumer ring of 20 ms slots, each with the instant it arrived. Neither side allocates or takes a lock; the
 * consumer parks while the ring is empty and the producer unparks it.
 */
final class FrameRing {

    /** One slot holds up to 20 ms of 8 kHz mu-law; longer payloads take several slots. */
    static final int SLOT_BYTES = 160;

    private final int mask;
    private final byte[] data;
    private final int[] lengths;
    private final long[] arrivals;
    /** Next slot the producer writes; published after the slot is filled. */
    private final AtomicLong head = new AtomicLong();
    /** Next slot the consumer reads. */
    private final AtomicLong tail = new AtomicLong();
    private volatile Thread consumer;
    private long dropped;

    /** @param slots capacity, rounded up to a power of two */
    FrameRing(int slots) {
        int capacity = Integer.highestOneBit(Math.max(2, slots - 1)) << 1;
        this.mask = capacity - 1;
        this.data = new byte[capacity * SLOT_BYTES];
        this.lengths = new int[capacity];
        this.arrivals = new long[capacity];
    }

    /** Registers the thread that calls {@link #poll} and {@link #await}. */
    void consumer(Thread thread) {
        this.consumer = thread;
    }

    /**
     * Producer side: copies {@code src[off..off+len)} into free slots. When the consumer is too far behind, what does
     * not fit is dropped (and counted) rather than blocking the network thread.
     */
    void offer(byte[] src, int off, int len, long arrivalNanos) {
        long h = head.get();
        for (int done = 0; done < len; ) {
            if (h - tail.get() > mask) {
                dropped += (len - done + SLOT_BYTES - 1) / SLOT_BYTES;
                break;
            }
            int slot = (int) (h & mask);
            int n = Math.min(SLOT_BYTES, len - done);
            System.arraycopy(src, off + done, data, slot * SLOT_BYTES, n);
            lengths[slot] = n;
            arrivals[slot] = arrivalNanos;
            done += n;
            head.lazySet(++h);
        }
        wake();
    }

    /** Producer side: wakes the consumer (e.g. a key press or a stop, which carry no audio). */
    void wake() {
        Thread t = consumer;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Slots dropped because the consumer fell behind. */
    long dropped() {
        return dropped;
    }

    /**
     * Consumer side: moves the oldest slot into {@code dst} and returns its length, or -1 if the ring is empty.
     * {@code arrival[0]} receives the slot's arrival instant.
     */
    int poll(byte[] dst, long[] arrival) {
        long t = tail.get();
        if (t == head.get()) {
            return -1;
        }
        int slot = (int) (t & mask);
        int n = lengths[slot];
        System.arraycopy(data, slot * SLOT_BYTES, dst, 0, n);
        arrival[0] = arrivals[slot];
        tail.lazySet(t + 1);
        return n;
    }

    /** Consumer side: parks until the producer offers or wakes, or {@code nanos} pass. */
    void await(long nanos) {
        if (tail.get() == head.get()) {
            LockSupport.parkNanos(this, nanos);
        }
    }
}
