package io.switchboard.media.simulator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a {@link CallScript} got on a call.
 *
 * @param greetingFrames 20 ms frames of greeting audio received (0 if none came)
 * @param turns          the lines said that got a complete reply, in order
 * @param failure        why the script stopped early, or {@code null} when every line got its reply
 */
public record ScriptResult(int greetingFrames, List<Turn> turns, String failure) {

    public ScriptResult {
        turns = List.copyOf(Objects.requireNonNull(turns, "turns"));
    }

    /** Every line got a reply. */
    public boolean finished() {
        return failure == null;
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(failure);
    }

    /**
     * One line and the reply to it.
     *
     * @param said          the caller's line
     * @param replyFrames   20 ms frames of reply audio received
     * @param latencyMillis caller's last voiced frame sent to the first reply frame received, ms (NaN if unknown;
     *                      negative when the reply started before the caller finished)
     */
    public record Turn(String said, int replyFrames, double latencyMillis) {
    }
}
