package io.switchboard.dialog;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A turn computed but not applied (see {@link DialogEngine#preview}): what it would reply, and the commit that makes
 * it happen. A preview that is never committed leaves no trace.
 */
public interface PreviewedTurn {

    /** What the turn would reply and expect, computed on the conversation as it stood; nothing of it was done. */
    TurnResult result();

    /**
     * Handles the message for real, on the conversation as it stands now (saved, booked, texted, counted), and returns
     * that result, which differs from {@link #result()} when the conversation or the diary moved on since. At most
     * once: a second commit throws {@link IllegalStateException}, so one message is never applied twice.
     */
    TurnResult commit();

    /**
     * {@link #commit()} with the message as it was finally heard: the same words, with what the channel learnt since
     * the preview (a recogniser's final alternatives, say), which the real turn then weighs. The caller vouches that
     * the words are the ones previewed. At most once, like {@link #commit()}.
     */
    TurnResult commit(TurnRequest asHeard);

    /**
     * A preview of {@code request} whose commit is {@code handle}: the engine's own handling of the message, so an
     * engine that wraps another (and acts on each turn's result) commits through itself, never around itself.
     */
    static PreviewedTurn of(TurnRequest request, TurnResult result, Function<TurnRequest, TurnResult> handle) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(handle, "handle");
        AtomicBoolean committed = new AtomicBoolean();
        return new PreviewedTurn() {
            @Override
            public TurnResult result() {
                return result;
            }

            @Override
            public TurnResult commit() {
                return commit(request);
            }

            @Override
            public TurnResult commit(TurnRequest asHeard) {
                Objects.requireNonNull(asHeard, "asHeard");
                if (!committed.compareAndSet(false, true)) {
                    throw new IllegalStateException("a previewed turn is committed once");
                }
                return handle.apply(asHeard);
            }
        };
    }
}
