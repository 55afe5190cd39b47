package io.switchboard.media.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.media.call.CallPrompts;
import io.switchboard.media.call.TurnLatency;
import io.switchboard.media.call.EarlyEnd;
import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.media.call.TurnTrigger;
import io.switchboard.media.call.VoiceCalls;
import io.switchboard.media.call.VoiceSettings;
import io.switchboard.media.simulator.CallScript;
import io.switchboard.media.simulator.CallerUtterance;
import io.switchboard.media.simulator.EspeakVoice;
import io.switchboard.media.simulator.ScriptResult;
import io.switchboard.media.simulator.SimulatedCall;
import io.switchboard.media.stt.VoskModelInstaller;
import io.switchboard.media.stt.VoskSpeechRecognizer;
import io.switchboard.media.tts.MaryTtsSynthesizer;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.models.Appointment;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole calls over a real loopback WebSocket: a scripted caller speaking Twilio's protocol with espeak-ng speech in
 * real time, the real Vosk recogniser, dialog engine on embedded PostgreSQL and MaryTTS.
 */
class VoiceCallEndToEndTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 9, 0);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String CALLER = "+447700900123";
    private static final String OWNER = "+447700900999";
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(20);

    private static SchedulingFixture fixture;
    private static RecordingEngine engine;
    private static VoskSpeechRecognizer recognizer;
    private static MaryTtsSynthesizer synthesizer;
    private static MediaWebSocketServer server;
    private static final List<TurnLatency> latencies = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        fixture = new SchedulingFixture(TestProfiles.sample(), NOW);
        Receptionist receptionist = Receptionist.create(fixture.scheduling(),
                new InMemorySessionStore(fixture.clock()), DisabledLlmFallback.INSTANCE, alert -> { });
        receptionist.warmUp(); // as the server does before taking calls
        engine = new RecordingEngine(receptionist);
        Path cache = Path.of("target", "test-cache").toAbsolutePath();
        recognizer = VoskSpeechRecognizer.start(new VoskModelInstaller(cache).install(), cache, 3);
        synthesizer = MaryTtsSynthesizer.start();
        PromptCache prompts = PromptCache.preload(synthesizer, CallPrompts.standard("Bristol Plumbing"));
        // the same early end of turn the server uses: the dialog's own reading of the partial transcript
        AnswerCheck answers = new AnswerCheck(fixture.scheduling().profile(), fixture.clock());
        VoiceCalls calls = new VoiceCalls(engine, recognizer, synthesizer, prompts, VoiceSettings.defaults())
                .withEarlyEnd(new EarlyEnd(AnswerCheck::applies, answers::answers))
                .addLatencyListener(latencies::add);
        server = MediaWebSocketServer.start(MediaServerSettings.loopback(), calls);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (recognizer != null) {
            recognizer.close();
        }
        if (fixture != null) {
            fixture.close();
        }
        printLatencies();
    }

    @Test
    void aCallerBooksARepairBySpeechAndHearsEveryReply() throws Exception {
        String callSid = "CA00000000000000000000000000000b01";
        CallScript script = CallScript.render(EspeakVoice.CALLER, CallScript.BOOKING_A_REPAIR);
        ScriptResult played;
        try (SimulatedCall call = SimulatedCall.dial(server.port(), callSid, CALLER)) {
            played = script.playOn(call, Duration.ofMillis(300), REPLY_TIMEOUT);
            assertThat(played.failureReason()).as("every line got a complete reply").isEmpty();
            assertThat(call.awaitClosed(Duration.ofSeconds(10))).as("hung up after the goodbye").isEqualTo(1000);
            assertThat(call.events()).noneMatch(e -> e.startsWith("bad-frame") || e.startsWith("unexpected"));
        }
        List<RecordingEngine.Exchange> conversation = engine.of(callSid);
        conversation.forEach(e -> System.out.println("[conversation] " + e));

        assertThat(played.greetingFrames()).as("greeting audio").isGreaterThan(25);
        assertThat(played.turns()).as("reply audio for every turn").hasSize(CallScript.BOOKING_A_REPAIR.size())
                .allSatisfy(turn -> {
                    assertThat(turn.replyFrames()).isGreaterThan(25);
                    assertThat(turn.latencyMillis()).as("client-side turn latency").isNotNaN();
                });
        List<Appointment> booked = fixture.scheduling().appointments().bookedForPhone(CALLER, Instant.EPOCH);
        assertThat(booked).as(conversation.toString()).singleElement().satisfies(a -> {
            assertThat(a.serviceId()).isEqualTo("general-repair");
            assertThat(a.slot().start()).isEqualTo(ZonedDateTime.of(NOW.plusDays(1).withHour(8), LONDON));
        });
        assertThat(conversation.get(conversation.size() - 1).result().reply()).contains("Goodbye");
        assertThat(latencies).filteredOn(l -> l.callId().endsWith("000b01") && l.trigger() != TurnTrigger.GREETING)
                .hasSize(CallScript.BOOKING_A_REPAIR.size())
                .allSatisfy(l -> {
                    assertThat(l.totalMillis()).isPositive();
                    assertThat(l.sttFinalNanos()).isGreaterThanOrEqualTo(l.endOfSpeechNanos());
                    assertThat(l.dialogDoneNanos()).isGreaterThanOrEqualTo(l.sttFinalNanos());
                    assertThat(l.firstMediaSentNanos()).isGreaterThanOrEqualTo(l.firstTtsAudioNanos());
                });
        awaitEnded(callSid);
    }

    @Test
    void callerSpeechOverTheGreetingClearsItAndBecomesTheNextTurn() throws Exception {
        String callSid = "CA00000000000000000000000000000b02";
        CallerUtterance speech = EspeakVoice.CALLER.utterance("i need a repair");
        try (SimulatedCall call = SimulatedCall.dial(server.port(), callSid, CALLER)) {
            call.awaitReplyStarted(REPLY_TIMEOUT);
            Thread.sleep(700);
            call.say(speech);
            assertThat(call.clears()).as("clear sent while the caller was still talking").isEqualTo(1);
            call.forgetReplyAudio();
            int framesAfterBargeIn = call.awaitReplyPlayed(REPLY_TIMEOUT);

            assertThat(call.clears()).isEqualTo(1);
            assertThat(call.events()).containsSubsequence("media", "clear", "media");
            assertThat(framesAfterBargeIn).isGreaterThan(25);
        }
        List<RecordingEngine.Exchange> conversation = engine.of(callSid);
        assertThat(conversation).hasSize(2);
        assertThat(conversation.get(1).request().text()).contains("repair");
        assertThat(latencies).filteredOn(l -> l.callId().endsWith("000b02") && l.trigger() == TurnTrigger.GREETING)
                .singleElement().satisfies(l -> {
                    assertThat(l.interrupted()).isTrue();
                    assertThat(l.sentencesHeard()).isLessThan(l.sentences());
                });
        awaitEnded(callSid);
    }

    @Test
    void theOwnerKeysThePinWhileABrokenParallelStreamIsClosedAlone() throws Exception {
        String ownerSid = "CA00000000000000000000000000000b03";
        String brokenSid = "CA00000000000000000000000000000b04";
        ExecutorService side = Executors.newSingleThreadExecutor();
        try (SimulatedCall owner = SimulatedCall.dial(server.port(), ownerSid, OWNER);
             SimulatedCall broken = SimulatedCall.dial(server.port(), brokenSid, CALLER)) {
            Future<Integer> brokenClose = side.submit(() -> {
                broken.sendRaw("{\"event\":\"media\",\"media\":{\"payload\":");
                broken.sendRaw("{\"event\":\"surprise\"}");
                broken.sendRaw("[1,2,3]");
                Thread.sleep(500);
                broken.sendRaw("{\"event\":\"media\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");
                return broken.awaitClosed(Duration.ofSeconds(10));
            });

            int greeting = owner.awaitReplyPlayed(REPLY_TIMEOUT);
            owner.press("482916#");
            int briefing = owner.awaitReplyPlayed(REPLY_TIMEOUT);

            // 1009 (message too big), or -1 when the server's close reset the socket while the client was still
            // writing the oversized frame: either way the server closed that stream (a timeout would throw)
            assertThat(brokenClose.get(15, TimeUnit.SECONDS)).isIn(1009, -1);
            assertThat(greeting).isGreaterThan(25);
            assertThat(briefing).isGreaterThan(25);
            assertThat(owner.isClosed()).isFalse();
        } finally {
            side.shutdownNow();
        }
        List<RecordingEngine.Exchange> conversation = engine.of(ownerSid);
        assertThat(conversation.get(0).result().reply()).contains("PIN");
        assertThat(conversation).hasSize(2);
        assertThat(conversation.get(1).request().dtmf()).isTrue();
        assertThat(conversation.get(1).request().text()).isEqualTo("482916");
        assertThat(conversation.get(1).result().state()).isEqualTo(DialogState.OWNER_BRIEFING);
        awaitEnded(ownerSid);
        awaitEnded(brokenSid);
    }

    private static void awaitEnded(String callSid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!engine.ended(callSid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(engine.ended(callSid)).as("dialog session of " + callSid + " ended").isTrue();
    }

    private static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    private static double p95(List<Double> sorted) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
    }

    private static void printLatencies() {
        List<Double> speech = latencies.stream()
                .filter(l -> l.trigger() == TurnTrigger.SPEECH || l.trigger() == TurnTrigger.EARLY_SPEECH)
                .map(TurnLatency::totalMillis).filter(ms -> ms >= 0).sorted().toList();
        List<Double> perceived = latencies.stream()
                .filter(l -> l.trigger() == TurnTrigger.SPEECH || l.trigger() == TurnTrigger.EARLY_SPEECH)
                .map(TurnLatency::perceivedMillis).filter(ms -> ms >= 0).sorted().toList();
        latencies.forEach(l -> System.out.printf("[measure] turn %s #%d %s: quiet %d ms before detection, stt %.0f ms,"
                        + " dialog %.0f ms, tts %.0f ms, end of speech detected -> first frame %.0f ms%n", l.callId(),
                l.turn(), l.trigger(), l.silenceMillis(), l.sttMillis(), l.dialogMillis(), l.ttsMillis(),
                l.totalMillis()));
        if (!speech.isEmpty()) {
            System.out.printf("[measure] speech turns: %d; end of speech detected -> first reply frame: median %.0f ms,"
                            + " p95 %.0f ms; last voiced sound -> first reply frame: median %.0f ms, p95 %.0f ms%n",
                    speech.size(), median(speech), p95(speech), median(perceived), p95(perceived));
        }
    }
}
