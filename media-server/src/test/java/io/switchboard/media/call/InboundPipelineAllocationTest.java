package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.audio.TestSpeech;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The per-frame path allocates nothing: a spoken request and a second of line noise played through the whole inbound
 * pipeline again and again, counting each frame's allocations on this thread. Only the frames where an utterance ends
 * and its turn is decided may allocate (a few records per turn); every other frame, speech or silence, allocates
 * nothing. JMH's {@code InboundPipelineBenchmark} gives the same in bytes per frame on average.
 *
 * <p>What the code allocates happens at the same place in every loop, so a frame position is charged only when it
 * allocated in more than a few loops. A stray allocation once in a run is the JVM's, not the pipeline's (a compiled
 * method deoptimised, for one, re-creates the objects escape analysis had removed). A CI run, with other tests' threads
 * still about, saw one frame more than here; here the two frames allocate in all 50 loops and no other frame in any,
 * with C2, with C1 only, and on a loaded machine.
 */
class InboundPipelineAllocationTest {

    /** Frames played before counting, so the JIT has compiled the path as it runs in a long call. */
    private static final int WARM_UP = 60_000;
    private static final int LOOPS = 50;
    /** Frames of one loop that may allocate: where the utterance ends and where its turn ends. */
    private static final int ALLOCATING_FRAMES_PER_LOOP = 2;
    /** Loops a frame position may allocate in and still be a one-off of the JVM's rather than the pipeline's. */
    private static final int STRAY_LOOPS = 2;
    /** Frame positions with such one-offs allowed in a run: more is no longer a JVM event but a pattern. */
    private static final int STRAY_FRAMES = 3;

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
        int[] loopsAllocating = new int[loop.frames()];
        long bytes = 0;
        int played = LOOPS * loop.frames();
        for (int i = 0; i < played; i++) {
            long before = threads.getThreadAllocatedBytes(me);
            int f = loop.frame();
            long used = threads.getThreadAllocatedBytes(me) - before;
            if (used > 0) {
                loopsAllocating[f]++;
                bytes += used;
            }
        }
        Map<Integer, Integer> allocating = new TreeMap<>();
        Map<Integer, Integer> stray = new TreeMap<>();
        for (int f = 0; f < loopsAllocating.length; f++) {
            if (loopsAllocating[f] > STRAY_LOOPS) {
                allocating.put(f, loopsAllocating[f]);
            } else if (loopsAllocating[f] > 0) {
                stray.put(f, loopsAllocating[f]);
            }
        }
        System.out.printf("[measure] inbound pipeline, %d frames (%d loops of %d): %d bytes, on frames %s of the loop"
                + " (frame=loops), stray %s (%.3f B/frame)%n", played, LOOPS, loop.frames(), bytes, allocating, stray,
                bytes / (double) played);

        assertThat(allocating.keySet()).as("frames of the loop that allocated").hasSizeLessThanOrEqualTo(
                ALLOCATING_FRAMES_PER_LOOP);
        assertThat(stray).as("frames that allocated in only a loop or two").hasSizeLessThanOrEqualTo(STRAY_FRAMES);
    }
}
