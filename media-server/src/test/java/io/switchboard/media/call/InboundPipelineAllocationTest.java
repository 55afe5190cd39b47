package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.audio.TestSpeech;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The per-frame path allocates nothing: a spoken request and a second of line noise played through the whole inbound
 * pipeline again and again, counting each frame's allocations on this thread. Only the frames where an utterance ends
 * and its turn is decided may allocate (a few records per turn); every other frame, speech or silence, allocates
 * nothing. JMH's {@code InboundPipelineBenchmark} gives the same in bytes per frame on average.
 */
class InboundPipelineAllocationTest {

    /** Frames played before counting, so the JIT has compiled the path as it runs in a long call. */
    private static final int WARM_UP = 60_000;
    private static final int LOOPS = 50;
    /** Frames of one loop that may allocate: where the utterance ends and where its turn ends. */
    private static final int ALLOCATING_FRAMES_PER_LOOP = 2;

    @Test
    void onlyTheFramesThatEndATurnAllocate() {
        short[] said = TestSpeech.narrowband("i need a drain cleaning tomorrow morning please");
        short[] pcm = new short[said.length + 8000];
        System.arraycopy(said, 0, pcm, 0, said.length);
        InboundPipelines.Loop loop = new InboundPipelines.Loop(InboundPipelines.onTheWire(pcm));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().threadId();
        for (int i = 0; i < WARM_UP; i++) {
            loop.frame();
        }
        java.util.Set<Integer> allocating = new java.util.TreeSet<>();
        long bytes = 0;
        int played = LOOPS * loop.frames();
        for (int i = 0; i < played; i++) {
            long before = threads.getThreadAllocatedBytes(me);
            int f = loop.frame();
            long used = threads.getThreadAllocatedBytes(me) - before;
            if (used > 0) {
                allocating.add(f);
                bytes += used;
            }
        }
        System.out.printf("[measure] inbound pipeline, %d frames (%d loops of %d): %d bytes, on frames %s of the loop"
                + " (%.3f B/frame)%n", played, LOOPS, loop.frames(), bytes, allocating, bytes / (double) played);

        assertThat(allocating).as("frames of the loop that allocated").hasSizeLessThanOrEqualTo(
                ALLOCATING_FRAMES_PER_LOOP);
    }
}
