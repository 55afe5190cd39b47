package io.switchboard.bench.load;

import io.switchboard.media.simulator.CallScript;
import io.switchboard.media.simulator.CallerUtterance;
import io.switchboard.media.simulator.ScriptResult;
import io.switchboard.media.simulator.SimulatedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a booking script as {@link CallScript#playOn} does (each line after the previous reply has played and a
 * reaction pause), and also notes, per line, what a false cut-off needs: when the reply began relative to the line's
 * last voiced frame, and when the caller spoke next relative to the reply's start ({@link FalseCutOffs}).
 */
final class TimedScript {

    /**
     * How a call went.
     *
     * @param result   the lines that got replies, as {@link CallScript#playOn} reports them
     * @param cutOffs  the lines whose reply was a false cut-off
     */
    record Played(ScriptResult result, int cutOffs) {
    }

    private TimedScript() {
    }

    static Played play(CallScript script, SimulatedCall call, Duration pause, Duration replyTimeout)
            throws InterruptedException {
        List<ScriptResult.Turn> turns = new ArrayList<>();
        int greeting;
        try {
            greeting = call.awaitReplyPlayed(replyTimeout);
        } catch (IllegalStateException e) {
            return new Played(new ScriptResult(0, turns, e.getMessage()), 0);
        }
        int cutOffs = 0;
        double previousLatency = Double.NaN;
        long previousReplyStart = 0;
        for (CallerUtterance line : script.lines()) {
            Thread.sleep(pause.toMillis());
            long speaking = System.nanoTime();
            if (previousReplyStart != 0 && FalseCutOffs.cutOff(previousLatency,
                    (speaking - previousReplyStart) / 1e6)) {
                cutOffs++;
            }
            call.sayUntilLastVoiced(line);
            long lastVoiced = System.nanoTime();
            int frames;
            try {
                frames = call.awaitReplyPlayed(replyTimeout);
            } catch (IllegalStateException e) {
                return new Played(new ScriptResult(greeting, turns, "after '" + line.text() + "': " + e.getMessage()),
                        cutOffs);
            }
            double latency = call.lastTurnMillis().orElse(Double.NaN);
            turns.add(new ScriptResult.Turn(line.text(), frames, latency));
            previousLatency = latency;
            previousReplyStart = Double.isNaN(latency) ? 0 : lastVoiced + (long) (latency * 1e6);
        }
        if (previousReplyStart != 0 && FalseCutOffs.cutOff(previousLatency, Double.NaN)) {
            cutOffs++;
        }
        return new Played(new ScriptResult(greeting, turns, null), cutOffs);
    }
}
