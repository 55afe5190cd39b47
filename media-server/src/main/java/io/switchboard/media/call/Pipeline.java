package io.switchboard.media.call;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A chain of {@link Stage}s, in the manner of a Netty channel pipeline: frames pushed in at the head run through the
 * stages in order on the caller's thread; a stage may also send a frame back upstream. Whatever leaves the last stage
 * goes to the sink. Every hop is counted and timed here, with the injected clock, so stages carry no accounting and
 * a stage's time excludes the stages it handed frames to (the sink's time counts to the last stage). Nothing is
 * allocated per frame.
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

    /** The stage running now, and since when its own time has been running; stage time is charged to it. */
    private Link active;
    private long mark;

    /**
     * Runs {@code link}'s stage on {@code frame}. Time is charged to whichever stage is running: entering a stage
     * pauses the one that called it and leaving resumes it, so nested calls (downstream, upstream, or back into the
     * same stage) are never counted twice.
     */
    private void enter(Link link, Frame frame, boolean upstream) {
        long now = clock.nanoTime();
        Link caller = active;
        if (caller != null) {
            caller.nanos += now - mark;
        }
        active = link;
        mark = now;
        long before = link.nanos;
        try {
            if (upstream) {
                link.stage.onUpstream(frame, link);
            } else {
                link.stage.onFrame(frame, link);
            }
        } finally {
            now = clock.nanoTime();
            link.nanos += now - mark;
            long own = link.nanos - before;
            if (own > link.maxNanos) {
                link.maxNanos = own;
            }
            active = caller;
            mark = now;
        }
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

        Link(Stage stage) {
            this.stage = stage;
        }

        void down(Frame frame) {
            framesIn++;
            if (frame instanceof AudioFrame || frame instanceof MuLawFrame || frame instanceof ReplyAudio) {
                audioIn++;
            }
            enter(this, frame, false);
        }

        void up(Frame frame) {
            framesIn++;
            enter(this, frame, true);
        }

        @Override
        public void emit(Frame frame) {
            framesOut++;
            if (next != null) {
                next.down(frame);
            } else {
                sink.accept(frame);
            }
        }

        @Override
        public void emitUpstream(Frame frame) {
            if (previous != null) {
                previous.up(frame);
            }
        }

        StageStats stats() {
            return new StageStats(stage.name(), framesIn, audioIn, framesOut, nanos, maxNanos);
        }
    }
}
