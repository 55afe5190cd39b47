package io.switchboard.media.call;

/**
 * Told about every caller turned away because {@link VoiceCalls#maxCalls()} calls were already in progress (the
 * missed-call list, a "we'll call you back" text). Called on the network event loop: must return at once.
 */
@FunctionalInterface
public interface CallOverflow {

    CallOverflow IGNORE = (callSid, from) -> { };

    /** @param from the caller's number as the stream gave it, or null when withheld */
    void turnedAway(String callSid, String from);
}
