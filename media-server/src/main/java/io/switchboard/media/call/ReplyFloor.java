package io.switchboard.media.call;

/** What barge-in needs of the reply being played: whether the caller can hear it, and cutting it. */
interface ReplyFloor {

    /** Whether reply audio the caller can hear is being sent or still playing, and has not been cut yet. */
    boolean audible();

    /** Cuts the reply being heard; null if nothing was audible. */
    Frame.Interrupt interrupt();
}
