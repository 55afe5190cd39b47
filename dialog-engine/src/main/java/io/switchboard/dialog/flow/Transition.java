package io.switchboard.dialog.flow;

import io.switchboard.dialog.TurnResult;

import java.util.Objects;

/**
 * What one step of a conversation produced: the conversation as it now stands, to be stored, and the result to
 * send (the reply, the effects for the channel adapters, and what the next answer is expected to be).
 *
 * @param next   the conversation after the step
 * @param result the reply, effects and expectation
 */
public record Transition(Conversation next, TurnResult result) {

    public Transition {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(result, "result");
    }
}
