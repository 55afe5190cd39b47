package io.switchboard.media.call;

import java.util.Objects;

/**
 * A stage for pipeline tests, its behaviour given as lambdas: frames pass on and upstream requests pass up, as a
 * {@link Stage}'s defaults do, unless the test says otherwise.
 */
final class ScriptedStage implements Stage {

    /** What the stage does with one frame. */
    @FunctionalInterface
    interface Step {
        void handle(Frame frame, StageContext context);
    }

    private final String name;
    private Step onFrame = (frame, context) -> context.emit(frame);
    private Step onUpstream = (frame, context) -> context.emitUpstream(frame);

    private ScriptedStage(String name) {
        this.name = name;
    }

    /** A stage that passes every frame on. */
    static ScriptedStage named(String name) {
        return new ScriptedStage(name);
    }

    ScriptedStage onFrame(Step step) {
        this.onFrame = Objects.requireNonNull(step, "step");
        return this;
    }

    ScriptedStage onUpstream(Step step) {
        this.onUpstream = Objects.requireNonNull(step, "step");
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void onFrame(Frame frame, StageContext context) {
        onFrame.handle(frame, context);
    }

    @Override
    public void onUpstream(Frame frame, StageContext context) {
        onUpstream.handle(frame, context);
    }
}
