package io.switchboard.media.simulator;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.PreviewedTurn;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Channel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The dialog engine as the server uses it, with every turn's request and result kept per conversation: what a
 * simulated caller "understood" of the question it just heard, what the corpus judges afterwards, and what the
 * end-to-end call tests assert on and print when they fail. The one recording engine the tests share.
 */
public final class ObservedDialog implements DialogEngine {

    /** One turn: what reached the dialog (null for the greeting) and what it answered. */
    public record Exchange(TurnRequest request, TurnResult result) {
        @Override
        public String toString() {
            return (request == null ? "<start>" : (request.dtmf() ? "keys " : "said ") + "'" + request.text() + "'")
                    + " -> '" + result.reply() + "' [" + result.state() + "]";
        }
    }

    private final DialogEngine engine;
    private final Map<String, List<Exchange>> bySession = new ConcurrentHashMap<>();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();

    public ObservedDialog(DialogEngine engine) {
        this.engine = engine;
    }

    @Override
    public TurnResult begin(Channel channel, String sessionId, String from) {
        TurnResult r = engine.begin(channel, sessionId, from);
        of(sessionId).add(new Exchange(null, r));
        return r;
    }

    @Override
    public TurnResult handle(TurnRequest request) {
        TurnResult r = engine.handle(request);
        of(request.sessionId()).add(new Exchange(request, r));
        return r;
    }

    /** The engine's preview, committed through {@link #handle} so a committed turn is kept like any other. */
    @Override
    public Optional<PreviewedTurn> preview(TurnRequest request) {
        return engine.preview(request).map(p -> PreviewedTurn.of(request, p.result(), this::handle));
    }

    @Override
    public void end(Channel channel, String sessionId) {
        ended.add(sessionId);
        engine.end(channel, sessionId);
    }

    @Override
    public void warmUp() {
        engine.warmUp();
    }

    /** The conversation's turns so far, oldest first (a live list). */
    public List<Exchange> of(String sessionId) {
        return bySession.computeIfAbsent(sessionId, s -> new CopyOnWriteArrayList<>());
    }

    /** Whether the conversation's session was ended (the call hung up). */
    public boolean ended(String sessionId) {
        return ended.contains(sessionId);
    }
}
