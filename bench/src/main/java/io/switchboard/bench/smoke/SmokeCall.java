package io.switchboard.bench.smoke;

import io.switchboard.media.simulator.Caller;
import io.switchboard.media.simulator.CallScript;
import io.switchboard.media.simulator.Callers;
import io.switchboard.media.simulator.ScriptResult;
import io.switchboard.media.simulator.SimulatedCall;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Smoke-tests a deployment's media WebSocket with one simulated caller booking a repair, printing each turn's
 * latency: {@code java -jar bench/target/benchmarks.jar smoke ws://127.0.0.1:8081/media +447700900123}. The caller is
 * espeak-ng's when installed, MaryTTS's otherwise. It makes a real booking under the number given: use a test number.
 */
public final class SmokeCall {

    private SmokeCall() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[1].matches("\\+[1-9][0-9]{7,14}")) {
            System.err.println("usage: smoke ws://host:port/media +E164-caller-number");
            System.exit(2);
            return;
        }
        Caller caller = Callers.standard();
        System.out.println("caller voice: " + caller);
        CallScript script = caller.bookingScript();
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        try (SimulatedCall call = SimulatedCall.dial(URI.create(args[0]), callSid, args[1])) {
            ScriptResult result = script.playOn(call, Duration.ofMillis(300), Duration.ofSeconds(30));
            System.out.printf(Locale.ROOT, "greeting: %d ms of audio%n", result.greetingFrames() * 20);
            for (ScriptResult.Turn turn : result.turns()) {
                System.out.printf(Locale.ROOT, "'%s' -> reply after %.0f ms, %d ms of audio%n", turn.said(),
                        turn.latencyMillis(), turn.replyFrames() * 20);
            }
            if (!result.finished()) {
                System.out.println("FAILED: " + result.failure());
                System.exit(1);
            }
            System.out.println("server hung up with code " + call.awaitClosed(Duration.ofSeconds(10)));
        }
    }
}
