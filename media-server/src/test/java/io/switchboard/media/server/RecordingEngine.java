package io.switchboard.media.server;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Channel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real dialog engine, with every exchange of every call kept for assertions and failure messages. */
final class RecordingEngine implements DialogEngine {

    record Exchange(TurnRequest request, TurnResult result) {
        @Override
        public String toString() {
            return (request == null ? "<start>" : (request.dtmf() ? "keys " : "said ") + "'" + request.text() + "'")
                    + " -> '" + result.reply() + "' [" + result.state() + "]";
        }
    }

    private final DialogEngine delegate;
    private final Map<String, List<Exchange>> exchanges = new ConcurrentHashMap<>();
    private final Map<String, Boolean> ended = new ConcurrentHashMap<>();

    RecordingEngine(DialogEngine delegate) {
        this.delegate = delegate;
    }

    @Override
    public TurnResult begin(Channel channel, String sessionId, String from) {
        TurnResult result = delegate.begin(channel, sessionId, from);
        of(sessionId).add(new Exchange(null, result));
        return result;
    }

    @Override
    public TurnResult handle(TurnRequest request) {
        TurnResult result = delegate.handle(request);
        of(request.sessionId()).add(new Exchange(request, result));
        return result;
    }

    @Override
    public void end(Channel channel, String sessionId) {
        ended.put(sessionId, true);
        delegate.end(channel, sessionId);
    }

    List<Exchange> of(String sessionId) {
        return exchanges.computeIfAbsent(sessionId, k -> new CopyOnWriteArrayList<>());
    }

    boolean ended(String sessionId) {
        return ended.containsKey(sessionId);
    }
}
