package io.switchboard.media.call;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A chain of {@link Stage}s, in the manner of a Netty channel pipeline: frames pushed in at the head run through the
 * stages in order on the caller's thread; a stage may also send a frame back upstream. Whatever leaves the last stage
 * goes to the sink. Every hop is counted and timed here, with the injected clock, so stages carry no accounting and
 * a stage's time excludes the stages it handed frames to. Nothing is allocated per frame.
 *
 * <p>Not thread-safe: a pipeline belongs to its call's thread; read {@link #stats()} there too (or after the call).
 */
final class Pipeline {

    private final CallClock clock;
    private final Consumer<Frame> sink;
    private final Link[] links;

    Pipeline(CallClock clock, Consumer<Frame> sink, List<? extends Stage> stages) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one stage");
        }
        this.clock = clock;
        this.sink = sink;
        this.links = new Link[stages.size()];
        for (int i = 0; i < links.length; i++) {
            links[i] = new Link(stages.get(i));
        }
        for (int i = 0; i < links.length; i++) {
            links[i].previous = i == 0 ? null : links[i - 1];
            links[i].next = i == links.length - 1 ? null : links[i + 1];
        }
    }

    /** Runs {@code frame} through the stages from the head. */
    void push(Frame frame) {
        links[0].down(frame);
    }

    /** Per-stage counts and timings, in pipeline order. */
    List<StageStats> stats() {
        List<StageStats> out = new ArrayList<>(links.length);
        for (Link link : links) {
            out.add(link.stats());
        }
        return out;
    }

    /** The named stage's counts and timings. */
    StageStats stats(String stage) {
        for (Link link : links) {
            if (link.stage.name().equals(stage)) {
                return link.stats();
            }
        }
        throw new IllegalArgumentException("no stage " + stage);
    }

    private final class Link implements StageContext {
        final Stage stage;
        Link previous;
        Link next;
        long framesIn;
        long audioIn;
        long framesOut;
        long nanos;
        long maxNanos;
        /** Time spent in neighbours called from this stage, to be left out of its own time. */
        long neighbourNanos;

        Link(Stage stage) {
            this.stage = stage;
        }

        void down(Frame frame) {
            framesIn++;
            if (frame instanceof AudioFrame || frame instanceof MuLawFrame) {
                audioIn++;
            }
            long start = clock.nanoTime();
            long before = neighbourNanos;
            stage.onFrame(frame, this);
            account(start, before);
        }

        void up(Frame frame) {
            framesIn++;
            long start = clock.nanoTime();
            long before = neighbourNanos;
            stage.onUpstream(frame, this);
            account(start, before);
        }

        private void account(long start, long neighboursBefore) {
            long own = clock.nanoTime() - start - (neighbourNanos - neighboursBefore);
            nanos += own;
            if (own > maxNanos) {
                maxNanos = own;
            }
        }

        @Override
        public void emit(Frame frame) {
            framesOut++;
            long start = clock.nanoTime();
            if (next != null) {
                next.down(frame);
            } else {
                sink.accept(frame);
            }
            neighbourNanos += clock.nanoTime() - start;
        }

        @Override
        public void emitUpstream(Frame frame) {
            if (previous == null) {
                return;
            }
            long start = clock.nanoTime();
            previous.up(frame);
            neighbourNanos += clock.nanoTime() - start;
        }

        StageStats stats() {
            return new StageStats(stage.name(), framesIn, audioIn, framesOut, nanos, maxNanos);
        }
    }
}
