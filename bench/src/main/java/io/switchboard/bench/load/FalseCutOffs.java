package io.switchboard.bench.load;

/**
 * A false cut-off, as the caller experiences it: the receptionist's reply began while the caller was still sending
 * voiced audio of the line (the reply's first frame came before the line's last voiced frame was sent), or the caller
 * started speaking again within {@link #RESUME_MILLIS} of the reply's first frame (they had not finished: a person
 * does not answer a reply they have not heard). Measured on the caller's side because that is where it is felt.
 */
final class FalseCutOffs {

    /** Speech this soon after the reply started means the caller was not done. */
    static final double RESUME_MILLIS = 300;

    private FalseCutOffs() {
    }

    /**
     * @param latencyMillis           the line's last voiced frame sent → the reply's first frame received (negative
     *                                when the reply came first); NaN when no reply came
     * @param nextSpeechAfterReplyMillis the reply's first frame → the caller's next speech sent; NaN when the caller
     *                                said nothing more
     */
    static boolean cutOff(double latencyMillis, double nextSpeechAfterReplyMillis) {
        if (Double.isNaN(latencyMillis)) {
            return false;
        }
        return latencyMillis < 0
                || (!Double.isNaN(nextSpeechAfterReplyMillis) && nextSpeechAfterReplyMillis < RESUME_MILLIS);
    }
}
