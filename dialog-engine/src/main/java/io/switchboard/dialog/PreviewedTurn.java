package io.switchboard.dialog;

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
}
