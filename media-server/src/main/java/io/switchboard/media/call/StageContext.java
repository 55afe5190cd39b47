package io.switchboard.media.call;

/** A stage's handle on its neighbours; calls run the neighbour at once, on the same thread. */
interface StageContext {

    /** Passes {@code frame} to the next stage (or out of the pipeline after the last). */
    void emit(Frame frame);

    /** Passes {@code frame} to the previous stage (dropped before the first). */
    void emitUpstream(Frame frame);
}
