package io.switchboard.media.simulator;

import io.switchboard.media.call.FastCallDriver;
import io.switchboard.media.call.VoiceCalls;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Plays a {@link SpokenCallScript} through the real call pipeline on simulated time ({@link FastCallDriver}): the
 * caller decides each move when the reply before it has played out, so a call takes as long as recognition,
 * dialog and synthesis take, not as long as it lasts.
 */
public final class FastSpokenCallRunner implements SpokenCallRunner {

    private final FastCallDriver driver;
    private final VoiceCalls calls;
    private final ObservedDialog dialog;
    private final Queue<Double> replyWaits = new ConcurrentLinkedQueue<>();

    /** {@code calls} must run on {@code driver}'s clock and answer through {@code dialog}. */
    public FastSpokenCallRunner(FastCallDriver driver, VoiceCalls calls, ObservedDialog dialog) {
        this.driver = driver;
        this.calls = calls;
        this.dialog = dialog;
    }

    @Override
    public Played play(SpokenCallScript script, Map<String, CallerUtterance> rendered, String callSid)
            throws Exception {
        SpokenCaller caller = new SpokenCaller(script);
        boolean[] opened = {false};
        FastCallDriver.Result result = driver.run(calls, callSid, script.phone(), () -> {
            SpokenCaller.Move move;
            if (!opened[0]) {
                opened[0] = true;
                move = caller.opening(dialog.of(callSid));
            } else {
                move = caller.hear(dialog.of(callSid)) ? null : caller.next(dialog.of(callSid));
            }
            if (move == null) {
                return FastCallDriver.Move.HANG_UP;
            }
            return move.keys() != null ? FastCallDriver.Move.key(move.keys())
                    : FastCallDriver.Move.say(rendered.get(move.line()));
        });
        replyWaits.addAll(result.replyWaitMillis());
        return caller.played(result.failure());
    }

    /** Every call's {@link FastCallDriver.Result#replyWaitMillis()} so far. */
    public List<Double> replyWaitMillis() {
        return List.copyOf(replyWaits);
    }
}
