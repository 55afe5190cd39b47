package io.switchboard.media.call;

/**
 * Told about each call that is answered (not those turned away by the cap), to follow it with a {@link CallTrace}.
 * Called on the network thread that opened the stream: return at once.
 */
@FunctionalInterface
public interface CallLogListener {

    /** @param from the caller's number, or null when withheld */
    CallTrace callStarted(String callSid, String from);

    CallLogListener NONE = (callSid, from) -> CallTrace.NONE;
}
