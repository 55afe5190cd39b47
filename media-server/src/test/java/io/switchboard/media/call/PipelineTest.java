package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipeline itself: order, upstream requests, and the counts and timings it keeps for every stage. */
class PipelineTest {

    private final ManualClock clock = new ManualClock();
    private final List<Frame> sink = new ArrayList<>();

    /** Takes {@code millis} of (simulated) time per frame, then passes it on. */
    private Stage slow(String name, long millis) {
        return ScriptedStage.named(name).onFrame((frame, context) -> {
            clock.advanceMillis(millis);
            context.emit(frame);
        });
    }

    @Test
    void eachStageIsTimedWithoutTheStagesItHandsFramesTo() {
        Pipeline pipeline = new Pipeline(clock, sink::add, List.of(slow("a", 5), slow("b", 3)));

        pipeline.push(new AudioFrame(320));
        pipeline.push(Frame.Signal.TICK);

        assertThat(sink).hasSize(2);
        StageStats a = pipeline.stats("a");
        StageStats b = pipeline.stats("b");
        assertThat(a.framesIn()).isEqualTo(2);
        assertThat(a.audioIn()).isEqualTo(1);
        assertThat(a.framesOut()).isEqualTo(2);
        assertThat(a.nanos()).as("a's own 2 x 5 ms, not b's").isEqualTo(10_000_000L);
        assertThat(b.nanos()).isEqualTo(6_000_000L);
        assertThat(b.maxNanos()).isEqualTo(3_000_000L);
        assertThat(a.meanMicros()).isEqualTo(5_000.0);
        assertThat(pipeline.stats()).extracting(StageStats::stage).containsExactly("a", "b");
    }

    @Test
    void aLaterStageCanAskAnEarlierOneAndGetsItsAnswerInOrder() {
        Stage answering = ScriptedStage.named("answering").onUpstream((frame, context) -> {
            if (frame == Frame.Signal.READ_PARTIAL) {
                context.emit(new Frame.Partial("yes"));
            }
        });
        Stage asking = ScriptedStage.named("asking").onFrame((frame, context) -> {
            if (frame == Frame.Signal.TICK) {
                context.emitUpstream(Frame.Signal.READ_PARTIAL);
            }
            context.emit(frame);
        });
        Pipeline pipeline = new Pipeline(clock, sink::add, List.of(answering, asking));

        pipeline.push(Frame.Signal.TICK);

        assertThat(sink).containsExactly(new Frame.Partial("yes"), Frame.Signal.TICK);
        assertThat(pipeline.stats("answering").framesIn()).as("the tick and the request").isEqualTo(2);
        assertThat(pipeline.stats("asking").framesIn()).as("the tick and the answer").isEqualTo(2);
    }

    @Test
    void timeSpentAnsweringAnUpstreamRequestIsChargedOnceToTheStageThatSpentIt() {
        Stage answering = ScriptedStage.named("answering").onUpstream((frame, context) -> {
            clock.advanceMillis(4);
            context.emit(new Frame.Partial("yes"));
        });
        Stage asking = ScriptedStage.named("asking").onFrame((frame, context) -> {
            if (frame == Frame.Signal.TICK) {
                clock.advanceMillis(1);
                context.emitUpstream(Frame.Signal.READ_PARTIAL);
            } else {
                clock.advanceMillis(2); // the answer, handled inside the request
            }
            context.emit(frame);
        });
        Pipeline pipeline = new Pipeline(clock, sink::add, List.of(answering, asking));

        pipeline.push(Frame.Signal.TICK);

        assertThat(pipeline.stats("answering").nanos()).isEqualTo(4_000_000L);
        assertThat(pipeline.stats("asking").nanos()).as("1 ms asking + 2 ms on the answer").isEqualTo(3_000_000L);
    }

    @Test
    void unknownStagesAndEmptyPipelinesAreErrors() {
        Pipeline pipeline = new Pipeline(clock, sink::add, List.of(slow("a", 0)));
        assertThatThrownBy(() -> pipeline.stats("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pipeline(clock, sink::add, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
