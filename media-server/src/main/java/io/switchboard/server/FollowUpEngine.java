package io.switchboard.server;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.PreviewedTurn;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Channel;
import io.switchboard.telephony.messaging.FollowUpSender;
import java.util.Optional;

/**
 * The engine as the channels see it: every turn also goes to the follow-up sender, which texts the caller a
 * confirmation when a call booked, moved or cancelled something, and the booking's own number when any channel moved
 * or cancelled it (it does nothing otherwise, and never blocks).
 */
final class FollowUpEngine implements DialogEngine {

    private final DialogEngine engine;
    private final FollowUpSender followUps;

    FollowUpEngine(DialogEngine engine, FollowUpSender followUps) {
        this.engine = engine;
        this.followUps = followUps;
    }

    @Override
    public TurnResult begin(Channel channel, String sessionId, String from) {
        return engine.begin(channel, sessionId, from);
    }

    @Override
    public TurnResult handle(TurnRequest request) {
        TurnResult result = engine.handle(request);
        followUps.afterTurn(request.channel(), request.from(), result);
        return result;
    }

    /** Previewed by the engine, committed through {@link #handle}, so a committed booking is followed up too. */
    @Override
    public Optional<PreviewedTurn> preview(TurnRequest request) {
        return engine.preview(request).map(p -> PreviewedTurn.of(request, p.result(), this::handle));
    }

    @Override
    public void end(Channel channel, String sessionId) {
        engine.end(channel, sessionId);
    }
}
