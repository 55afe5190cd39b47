package io.switchboard.dialog;

import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Appointment;
import io.switchboard.models.Intent;

import java.util.List;

/**
 * The engine's answer to one message.
 *
 * @param sessionId   the conversation
 * @param reply       what to say or send back, phrased for the channel
 * @param intent      the topic the conversation is on
 * @param state       where the conversation now stands
 * @param slots       what has been collected
 * @param appointment the appointment booked, moved or cancelled by this turn, or null
 * @param actions     side effects for channel adapters
 * @param expecting   what the reply asked for, so a voice front end can end the caller's turn early and bias STT
 */
public record TurnResult(String sessionId, String reply, Intent intent, DialogState state, SlotSnapshot slots,
                         Appointment appointment, List<DialogAction> actions, Expectation expecting) {

    public TurnResult {
        actions = List.copyOf(actions);
    }

    public boolean has(Class<? extends DialogAction> type) {
        return actions.stream().anyMatch(type::isInstance);
    }
}
