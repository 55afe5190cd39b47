package io.switchboard.media.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.simulator.DeafRecognizer;
import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.call.CallPrompts;
import io.switchboard.media.call.VoiceCalls;
import io.switchboard.media.call.VoiceSettings;
import io.switchboard.media.simulator.SimulatedCall;
import io.switchboard.media.tts.AudioSink;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.media.tts.SpeechSynthesizer;
import io.switchboard.media.tts.SynthesisResult;
import io.switchboard.models.Channel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The call cap over a real loopback WebSocket: with one line, a second caller gets the busy message, Twilio's mark
 * echo for it, and a normal close, while the first call goes on.
 */
class BusyLineOverWebSocketTest {

    private final List<String> turnedAway = new CopyOnWriteArrayList<>();
    private final ShortSynthesizer synthesizer = new ShortSynthesizer();
    private final VoiceCalls calls = new VoiceCalls(new GreetingOnly(), new DeafRecognizer(), synthesizer,
            PromptCache.preload(synthesizer, CallPrompts.standard("Bristol Plumbing")), VoiceSettings.defaults())
            .withMaxCalls(1)
            .withOverflow((sid, from) -> turnedAway.add(sid + " " + from));
    private final MediaWebSocketServer server = MediaWebSocketServer.start(MediaServerSettings.loopback(), calls,
            MediaStreamAuth.unauthenticated());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSecondCallerHearsBusyAndIsHungUpWhileTheFirstCarriesOn() throws Exception {
        try (SimulatedCall first = SimulatedCall.dial(server.port(), "CA00000000000000000000000000000e01",
                "+447700900123")) {
            first.awaitReplyPlayed(Duration.ofSeconds(10));
            try (SimulatedCall second = SimulatedCall.dial(server.port(), "CA00000000000000000000000000000e02",
                    "+447700900456")) {
                int frames = second.awaitReplyPlayed(Duration.ofSeconds(10));

                assertThat(second.awaitClosed(Duration.ofSeconds(10))).as("normal closure").isEqualTo(1000);
                assertThat(frames).isEqualTo(ShortSynthesizer.FRAMES * 3); // three sentences
                assertThat(second.events()).containsExactly("media", "mark:busy-end");
            }
            assertThat(turnedAway).containsExactly("CA00000000000000000000000000000e02 +447700900456");
            assertThat(first.isClosed()).isFalse();
            assertThat(calls.activeCalls()).isEqualTo(1);
        }
    }

    /** Ten frames of silence per sentence: the busy message plays in well under a second. */
    private static final class ShortSynthesizer implements SpeechSynthesizer {
        static final int FRAMES = 10;

        @Override
        public SynthesisResult synthesize(String text, AudioSink sink, BooleanSupplier cancelled) {
            long started = System.nanoTime();
            byte[] frame = new byte[160];
            java.util.Arrays.fill(frame, (byte) 0xFF);
            for (int i = 0; i < FRAMES; i++) {
                sink.accept(frame, 0, 160);
            }
            return new SynthesisResult(FRAMES, false, started, started);
        }

        @Override
        public void close() {
        }
    }

    private static final class GreetingOnly implements DialogEngine {
        @Override
        public TurnResult begin(Channel channel, String sessionId, String from) {
            return new TurnResult(sessionId, "Hello.", null, null, null, null, List.of(), Expectation.NONE);
        }

        @Override
        public TurnResult handle(TurnRequest request) {
            return new TurnResult(request.sessionId(), "Right.", null, null, null, null, List.of(), Expectation.NONE);
        }

        @Override
        public void end(Channel channel, String sessionId) {
        }
    }
}
