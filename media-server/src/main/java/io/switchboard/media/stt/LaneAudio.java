package io.switchboard.media.stt;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One call's audio waiting for a recognition worker: a preallocated single-producer, single-consumer ring of 20 ms
 * slots of 16 kHz samples, each holding one {@link RecognitionStream#accept} call's audio (longer ones take several
 * slots), a reset, resume or end-of-settled-turn marker or an expectation, in the order the call made them.
 *
 * <p>Invariants: the producer is the call's thread; the consumer is whichever worker holds the call's lane, one at a
 * time, each hand-over ordered by the workers' lock, so the ring is never read by two threads at once. Neither side
 * allocates or locks; a full ring refuses the slot ({@link #offer} returns false) and the producer decides what to do.
 */
final class LaneAudio {

    /** 20 ms at 16 kHz. */
    static final int SLOT_SAMPLES = 320;
    private static final int RESET = -1;
    private static final int EXPECT = -2;
    private static final int RESUME = -3;
    private static final int END_SETTLED = -4;

    private final int mask;
    private final short[] samples;
    private final int[] lengths;
    /** The expectation of each {@link #EXPECT} slot; cleared when consumed, so nothing old is kept reachable. */
    private final ListeningFor[] expectations;
    /** Whether recognition had cores to spare when each {@link #EXPECT} slot was queued. */
    private final boolean[] spare;
    /** Next slot the producer writes; published after the slot is filled. */
    private final AtomicLong head = new AtomicLong();
    /** Next slot the consumer reads; published after the slot is consumed. */
    private final AtomicLong tail = new AtomicLong();

    /** @param slots capacity, rounded up to a power of two */
    LaneAudio(int slots) {
        int capacity = Integer.highestOneBit(Math.max(2, slots - 1)) << 1;
        this.mask = capacity - 1;
        this.samples = new short[capacity * SLOT_SAMPLES];
        this.lengths = new int[capacity];
        this.expectations = new ListeningFor[capacity];
        this.spare = new boolean[capacity];
    }

    int capacity() {
        return mask + 1;
    }

    /**
     * Producer: queues {@code pcm[0..len)}, all of it or nothing.
     *
     * @return false when the ring has no room for it
     */
    boolean offer(short[] pcm, int len) {
        int needed = Math.max(1, (len + SLOT_SAMPLES - 1) / SLOT_SAMPLES);
        long h = head.get();
        if (h + needed - tail.get() > capacity()) {
            return false;
        }
        for (int done = 0, i = 0; i < needed; i++) {
            int slot = (int) (h & mask);
            int n = Math.min(SLOT_SAMPLES, len - done);
            System.arraycopy(pcm, done, samples, slot * SLOT_SAMPLES, n);
            lengths[slot] = n;
            done += n;
            h++;
        }
        head.lazySet(h);
        return true;
    }

    /** Producer: queues a reset (the turn's audio so far is to be dropped), ordered after the audio before it. */
    boolean offerReset() {
        return offerMarker(RESET);
    }

    /** Producer: queues {@link RecognitionStream#resume}, ordered after the audio before it. */
    boolean offerResume() {
        return offerMarker(RESUME);
    }

    /** Producer: queues {@link RecognitionStream#endSettled}, ordered after the audio before it. */
    boolean offerEndSettled() {
        return offerMarker(END_SETTLED);
    }

    private boolean offerMarker(int marker) {
        long h = head.get();
        if (h - tail.get() >= capacity()) {
            return false;
        }
        lengths[(int) (h & mask)] = marker;
        head.lazySet(h + 1);
        return true;
    }

    /** Producer: queues what the next turn is heard against, ordered after the audio before it. */
    boolean offerExpect(ListeningFor expected, boolean spareCapacity) {
        long h = head.get();
        if (h - tail.get() >= capacity()) {
            return false;
        }
        int slot = (int) (h & mask);
        expectations[slot] = expected;
        spare[slot] = spareCapacity;
        lengths[slot] = EXPECT;
        head.lazySet(h + 1);
        return true;
    }

    boolean isEmpty() {
        return head.get() == tail.get();
    }

    int size() {
        return (int) (head.get() - tail.get());
    }

    /**
     * Consumer: hands up to {@code max} queued slots, oldest first, to {@code into}: audio to {@code accept}, a marker
     * to {@code reset}, {@code resume} or {@code endSettled}, an expectation to {@code expect}.
     *
     * @return slots consumed
     */
    int drain(RecognitionStream into, int max, short[] scratch) {
        long t = tail.get();
        long h = head.get();
        int done = 0;
        while (t < h && done < max) {
            int slot = (int) (t & mask);
            int n = lengths[slot];
            if (n == RESET) {
                into.reset();
            } else if (n == RESUME) {
                into.resume();
            } else if (n == END_SETTLED) {
                into.endSettled();
            } else if (n == EXPECT) {
                ListeningFor expected = expectations[slot];
                expectations[slot] = null;
                into.expect(expected, spare[slot]);
            } else {
                // Vosk reads from the array's start; the slot is copied out so the producer can reuse it at once.
                System.arraycopy(samples, slot * SLOT_SAMPLES, scratch, 0, n);
                into.accept(scratch, n);
            }
            tail.lazySet(++t);
            done++;
        }
        return done;
    }

    /** Consumer: drops everything queued (the call is closing). */
    void clear() {
        Arrays.fill(expectations, null);
        tail.lazySet(head.get());
    }
}
