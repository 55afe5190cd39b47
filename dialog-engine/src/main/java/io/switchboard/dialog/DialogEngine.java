package io.switchboard.dialog;

import io.switchboard.models.Channel;

/**
 * The receptionist's brain, shared by every channel: text in, text and actions out. Implementations block on the
 * database and possibly an LLM: call them from worker threads, never from an event loop.
 */
public interface DialogEngine {

    /** Opens a conversation that the business speaks first in (a phone call): returns the greeting. */
    TurnResult begin(Channel channel, String sessionId, String from);

    /** Handles one message of a caller and returns the reply. */
    TurnResult handle(TurnRequest request);

    /**
     * The reply {@code request} would get, computed with no effect at all (no conversation saved, nothing booked,
     * moved or cancelled, no text, alert or code, nothing counted), for a reply prepared while the caller may still
     * go on; or empty when the turn cannot be computed so (it would book, alert, text or need the LLM). Blocking.
     * The default previews nothing.
     */
    default java.util.Optional<PreviewedTurn> preview(TurnRequest request) {
        return java.util.Optional.empty();
    }

    /** Forgets a conversation (the call ended). */
    void end(Channel channel, String sessionId);

    /**
     * Runs the real code paths once so the first caller does not pay for class loading and JIT warm-up. Books
     * nothing and leaves no conversation behind. Blocking.
     */
    default void warmUp() {
    }
}
