package io.switchboard.media.simulator;

import java.util.List;
import java.util.Map;

/**
 * Carries one {@link SpokenCallScript} to the receptionist: in real time over the WebSocket
 * ({@link WebSocketCallRunner}) or through the call pipeline on simulated time ({@link FastSpokenCallRunner}). Both
 * play the same caller ({@link SpokenCaller}), so the corpus judges the same behaviour either way.
 */
public interface SpokenCallRunner {

    /** A call that needs more caller turns than this is counted as a loop. */
    int MAX_TURNS = 18;

    /** What happened on the call, before judging: turns, fallbacks, transcript, the conversation's results. */
    record Played(int turns, boolean looped, Map<String, Integer> fallbacks, List<String> transcript,
                  String failure) {
    }

    Played play(SpokenCallScript script, Map<String, CallerUtterance> rendered, String callSid) throws Exception;
}
