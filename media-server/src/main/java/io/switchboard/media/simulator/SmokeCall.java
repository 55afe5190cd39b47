package io.switchboard.media.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Smoke-tests a deployment's media WebSocket with one simulated caller booking a repair, printing each turn's
 * latency: {@code java -cp switchboard.jar io.switchboard.media.simulator.SmokeCall ws://127.0.0.1:8081/media
 * +447700900123}. It makes a real booking under the number given: use a test number.
 */
public final class SmokeCall {

    private SmokeCall() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[1].matches("\\+[1-9][0-9]{7,14}")) {
            System.err.println("usage: SmokeCall ws://host:port/media +E164-caller-number");
            System.exit(2);
            return;
        }
        CallScript script = CallScript.render(EspeakVoice.CALLER, CallScript.BOOKING_A_REPAIR);
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
