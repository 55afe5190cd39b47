package io.switchboard.media.call;

/**
 * Receives one call's turns as they finish and then its end, all on the call's speaking thread, in order. Keep it
 * quick: hand anything slow (a database write) to another thread.
 */
public interface CallTrace {

    /** A turn's reply was sent (or cut short by the caller). */
    void onTurn(CallTurn turn);

    /** The call is over: hung up by either side, given up on, or closed at shutdown. Called once, last. */
    void onEnd();

    /** Traces nothing. */
    CallTrace NONE = new CallTrace() {
        @Override
        public void onTurn(CallTurn turn) {
        }

        @Override
        public void onEnd() {
        }
    };
}
