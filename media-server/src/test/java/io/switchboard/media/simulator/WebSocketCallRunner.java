package io.switchboard.media.simulator;

import java.time.Duration;
import java.util.Map;

/** Plays a {@link SpokenCallScript} on a real WebSocket call in real time, with a short pause before each move. */
public final class WebSocketCallRunner implements SpokenCallRunner {

    private static final Duration PAUSE = Duration.ofMillis(300);

    private final int port;
    private final ObservedDialog dialog;
    private final Duration replyTimeout;

    public WebSocketCallRunner(int port, ObservedDialog dialog, Duration replyTimeout) {
        this.port = port;
        this.dialog = dialog;
        this.replyTimeout = replyTimeout;
    }

    @Override
    public Played play(SpokenCallScript script, Map<String, CallerUtterance> rendered, String callSid)
            throws Exception {
        SpokenCaller caller = new SpokenCaller(script);
        String failure = null;
        try (SimulatedCall call = SimulatedCall.dial(port, callSid, script.phone())) {
            call.awaitReplyPlayed(replyTimeout);
            SpokenCaller.Move move = caller.opening(dialog.of(callSid));
            while (move != null) {
                Thread.sleep(PAUSE.toMillis());
                if (move.keys() != null) {
                    call.press(move.keys());
                } else {
                    call.say(rendered.get(move.line()));
                }
                try {
                    call.awaitReplyPlayed(replyTimeout);
                } catch (IllegalStateException e) {
                    failure = call.isClosed() ? null : "no reply: " + e.getMessage();
                    break;
                }
                if (caller.hear(dialog.of(callSid)) || call.isClosed()) {
                    break;
                }
                move = caller.next(dialog.of(callSid));
            }
            if (!caller.looped()) {
                call.awaitClosed(Duration.ofSeconds(15));
            }
        }
        return caller.played(failure);
    }
}
