package io.switchboard.media.call;

/**
 * One single-purpose step of a call's {@link Pipeline}: takes a frame, and emits none, one or several through its
 * {@link StageContext}. Frames a stage has no business with are passed on unchanged. A stage keeps its own state, is
 * used by one thread (the call's), reads time only from an injected {@link CallClock}, and does no bookkeeping of its
 * own counts or timings: the pipeline measures every stage the same way.
 */
interface Stage {

    /** Short name for logs and stats ({@code "vad"}). */
    String name();

    /** A frame travelling downstream (from the caller towards the dialog). */
    void onFrame(Frame frame, StageContext context);

    /** A frame travelling upstream (a later stage asking an earlier one); passed on by default. */
    default void onUpstream(Frame frame, StageContext context) {
        context.emitUpstream(frame);
    }
}
