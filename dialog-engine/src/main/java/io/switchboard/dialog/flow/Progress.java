package io.switchboard.dialog.flow;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.understanding.TimePreference;
import io.switchboard.models.Intent;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Everything a turn can move forward, captured before and after it: equal means the turn changed nothing, which
 * is what the recovery policy counts.
 */
record Progress(Intent topic, DialogState state, String name, String phone, boolean phoneConfirmed, String address,
                String email, String problem, String serviceId, boolean emergency, List<TimePreference> wanted,
                List<ZonedDateTime> offered, ZonedDateTime chosen, UUID target, List<UUID> candidates,
                boolean ownerVerified, int pinAttempts) {

    static Progress of(Conversation c) {
        return new Progress(c.topic, c.state, c.name, c.phone, c.phoneConfirmed, c.address, c.email, c.problem,
                c.serviceId,
                c.emergency, List.copyOf(c.wanted), List.copyOf(c.offered), c.chosen, c.targetAppointment,
                List.copyOf(c.candidates), c.ownerVerified, c.pinAttempts);
    }
}
