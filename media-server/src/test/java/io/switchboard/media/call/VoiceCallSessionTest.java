package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.simulator.DeafRecognizer;
import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.media.tts.SpeechSynthesizer;
import io.switchboard.media.tts.SynthesisResult;
import io.switchboard.models.Channel;
import io.switchboard.telephony.twilio.media.MediaFormat;
import io.switchboard.telephony.twilio.media.StartInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The voice loop's timing rules (re-prompts, keypad entry, hang-up) with stand-ins for the engines, so they run in a
 * second or two: a scripted dialog, a synthesiser that produces silence, a recogniser that never hears words.
 */
class VoiceCallSessionTest {

    private static final String CALL = "CA00000000000000000000000000000c01";

    private final ScriptedEngine engine = new ScriptedEngine();
    private final SilentSynthesizer synthesizer = new SilentSynthesizer();
    private final RecordingOutput output = new RecordingOutput();
    private final List<TurnLatency> turns = new CopyOnWriteArrayList<>();
    private final ExecutorService twilio = Executors.newSingleThreadExecutor();
    private CallSession session;
    private VoiceCalls calls;

    private VoiceCallSessionTest() {
    }

    /** On the shared recognition workers, as in the server. */
    private final io.switchboard.media.stt.SpeechRecognizer recognizer = io.switchboard.media.stt
            .ScheduledSpeechRecognizer.over(new DeafRecognizer(), 2, io.switchboard.media.stt.RecognitionObserver.NONE);

    private CallSession open(VoiceSettings settings) {
        calls = new VoiceCalls(engine, recognizer, synthesizer,
                PromptCache.preload(synthesizer, List.of()), settings).addLatencyListener(turns::add);
        session = calls.open(new StartInfo("MZ1", CALL, "AC1", List.of("inbound"), Map.of("From", "+447700900123"),
                MediaFormat.MULAW_8K_MONO), output);
        // Twilio echoes each mark a little after it was sent.
        output.echoMarksTo(name -> twilio.execute(() -> session.onMark(name)));
        return session;
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (session != null) {
            session.stop();
        }
        twilio.shutdownNow();
        twilio.awaitTermination(1, TimeUnit.SECONDS);
        recognizer.close();
    }

    @Test
    void aSilentCallerIsRepromptedTwiceThenToldGoodbyeAndTheCallEnds() throws Exception {
        open(VoiceSettings.defaults().withRepromptAfter(Duration.ofMillis(300)));

        output.await(m -> m.contains("hangup"), 10_000);

        assertThat(synthesizer.spoken).containsExactly("Hello.", "How can I help?", CallPrompts.STILL_THERE,
                CallPrompts.STILL_THERE, "I can't hear anything, so I'll let you go.", "Goodbye.");
        assertThat(turns).extracting(TurnLatency::trigger).containsExactly(TurnTrigger.GREETING,
                TurnTrigger.REPROMPT, TurnTrigger.REPROMPT, TurnTrigger.SILENCE_GOODBYE);
        awaitEnded();
    }

    @Test
    void keysAreCollectedUntilHashOrAPauseAndAKeyPressCutsTheReply() throws Exception {
        engine.greeting = "This is a long greeting that keeps going and going. It has two sentences.";
        open(VoiceSettings.defaults().withDigitTimeout(Duration.ofMillis(300)));
        output.await(m -> m.contains("media"), 5_000);

        session.onDtmf('1');
        session.onDtmf('2');
        session.onDtmf('3');
        session.onDtmf('#');
        output.await(m -> m.contains("clear"), 5_000);
        awaitRequests(1);
        output.await(m -> m.contains("mark:r2s0"), 5_000);
        Thread.sleep(100); // Twilio's echo of that mark: the reply has played out
        session.onDtmf('4');
        session.onDtmf('5');
        awaitRequests(2);

        assertThat(engine.requests).extracting(TurnRequest::text).containsExactly("123", "45");
        assertThat(engine.requests).allSatisfy(r -> {
            assertThat(r.dtmf()).isTrue();
            assertThat(r.channel()).isEqualTo(Channel.VOICE);
            assertThat(r.sessionId()).isEqualTo(CALL);
            assertThat(r.from()).isEqualTo("+447700900123");
        });
        assertThat(output.messages()).filteredOn("clear"::equals).hasSize(1);
        assertThat(turns.get(0).trigger()).isEqualTo(TurnTrigger.GREETING);
        assertThat(turns.get(0).interrupted()).isTrue();
        // The second request ended the conversation: its reply plays, then the call is closed.
        output.await(m -> m.contains("hangup"), 5_000);
        List<String> sent = output.messages();
        assertThat(sent.subList(sent.lastIndexOf("media"), sent.size())).containsExactly("media", "mark:r3s0",
                "hangup");
        awaitEnded();
    }

    @Test
    void atShutdownTheReplyInProgressPlaysToItsEndThenGoodbyeThenTheCallIsHungUp() throws Exception {
        engine.greeting = "This is a long greeting that keeps going and going. It has two sentences.";
        open(VoiceSettings.defaults());
        output.await(m -> m.contains("media"), 5_000);

        boolean allEnded = calls.endCalls(Duration.ofSeconds(10));

        assertThat(allEnded).isTrue();
        assertThat(calls.activeCalls()).isZero();
        assertThat(synthesizer.spoken).containsExactly("This is a long greeting that keeps going and going.",
                "It has two sentences.", "I'm sorry, I have to end the call now.",
                "Please call back in a few minutes.", "Goodbye.");
        assertThat(output.messages()).as("the reply in progress is not cut").doesNotContain("clear");
        assertThat(output.messages()).last().isEqualTo("hangup");
        assertThat(turns).extracting(TurnLatency::trigger).containsExactly(TurnTrigger.GREETING,
                TurnTrigger.SHUTDOWN);
        awaitEnded();

        // A stream that still arrives is hung up without a word.
        RecordingOutput late = new RecordingOutput();
        calls.open(new StartInfo("MZ2", "CA00000000000000000000000000000c02", "AC1", List.of("inbound"),
                Map.of("From", "+447700900456"), MediaFormat.MULAW_8K_MONO), late);
        assertThat(late.messages()).containsExactly("hangup");
        assertThat(synthesizer.spoken).hasSize(5);
    }

    private void awaitRequests(int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (engine.requests.size() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(engine.requests).hasSizeGreaterThanOrEqualTo(n);
    }

    private void awaitEnded() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!engine.ended && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(engine.ended).as("dialog session ended").isTrue();
    }

    /** Greets, answers keypad turns, and ends the conversation on the second one. */
    static final class ScriptedEngine implements DialogEngine {
        final List<TurnRequest> requests = new CopyOnWriteArrayList<>();
        volatile String greeting = "Hello. How can I help?";
        volatile boolean ended;

        @Override
        public TurnResult begin(Channel channel, String sessionId, String from) {
            return result(sessionId, greeting, List.of());
        }

        @Override
        public TurnResult handle(TurnRequest request) {
            requests.add(request);
            return requests.size() == 1 ? result(request.sessionId(), "Thanks.", List.of())
                    : result(request.sessionId(), "Bye now.", List.of(new DialogAction.EndConversation()));
        }

        @Override
        public void end(Channel channel, String sessionId) {
            ended = true;
        }

        private static TurnResult result(String sessionId, String reply, List<DialogAction> actions) {
            return new TurnResult(sessionId, reply, null, null, null, null, actions, Expectation.NONE);
        }
    }

    /** Delivers silent frames for each sentence, stopping when cancelled, and notes what it was asked to say. */
    static final class SilentSynthesizer implements SpeechSynthesizer {
        final List<String> spoken = new CopyOnWriteArrayList<>();
        /** Three frames a character: the long greeting lasts seconds, short replies a fraction of one. */
        private static final int FRAMES_PER_CHARACTER = 3;

        @Override
        public SynthesisResult synthesize(String text, io.switchboard.media.tts.AudioSink sink,
                                          BooleanSupplier cancelled) {
            long started = System.nanoTime();
            spoken.add(text);
            byte[] frame = new byte[160];
            java.util.Arrays.fill(frame, (byte) 0xFF);
            int n = 0;
            long first = 0;
            for (; n < text.length() * FRAMES_PER_CHARACTER && !cancelled.getAsBoolean(); n++) {
                if (first == 0) {
                    first = System.nanoTime();
                }
                sink.accept(frame, 0, 160);
            }
            return new SynthesisResult(n, cancelled.getAsBoolean(), started, first);
        }

        @Override
        public void close() {
        }
    }
}
