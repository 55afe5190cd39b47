package io.switchboard.media.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.media.call.TurnLatency;
import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.media.call.TurnTrigger;
import io.switchboard.media.call.VoiceCalls;
import io.switchboard.media.call.VoiceSettings;
import io.switchboard.media.simulator.CallScript;
import io.switchboard.media.simulator.Caller;
import io.switchboard.media.simulator.CallerUtterance;
import io.switchboard.media.simulator.Callers;
import io.switchboard.media.simulator.EspeakVoice;
import io.switchboard.media.simulator.ObservedDialog;
import io.switchboard.media.simulator.ScriptResult;
import io.switchboard.media.simulator.SharedSpeech;
import io.switchboard.media.simulator.SimulatedCall;
import io.switchboard.media.stt.SpeechRecognizer;
import io.switchboard.media.stt.VoskSpeechRecognizer;
import io.switchboard.media.tts.MaryTtsSynthesizer;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.models.Appointment;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
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
 * Whole calls over a real loopback WebSocket: a scripted caller speaking Twilio's protocol with synthetic speech in
 * real time, the real Vosk recogniser, dialog engine on embedded PostgreSQL and MaryTTS. The MaryTTS caller runs on
 * every machine; the espeak-ng caller where espeak-ng is installed.
 */
class VoiceCallEndToEndTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 9, 0);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String CALLER = "+447700900123";
    private static final String OWNER = "+447700900999";
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(20);

    private static SchedulingFixture fixture;
    private static ObservedDialog engine;
    private static SpeechRecognizer recognizer;
    private static MaryTtsSynthesizer synthesizer;
    private static MediaWebSocketServer server;
    private static final List<TurnLatency> latencies = new CopyOnWriteArrayList<>();
    /** The espeak caller wants another day, so both callers' "earliest one" is 08:00 on their day. */
    private static final String ESPEAK_DAY = "wednesday morning";
    private static final String BARGE_IN_LINE = "what are your opening hours";

    private static CallScript maryBooking;
    private static CallScript espeakBooking;
    private static CallerUtterance bargeIn;

    @BeforeAll
    static void start() {
        // All caller audio is rendered before MaryTTS speaks for the receptionist: a MaryTTS caller's effects are set
        // on the voice object the receptionist shares.
        Caller mary = Callers.maryTts();
        maryBooking = mary.bookingScript();
        // a question: no early end of turn can cut it short, so its every word belongs to the turn after the greeting
        bargeIn = mary.voice().utterance(BARGE_IN_LINE);
        espeakBooking = Callers.espeak().map(espeak -> CallScript.render(espeak.voice(), espeak.bookingLines().stream()
                .map(line -> line.replace(Callers.DAY, ESPEAK_DAY)).toList())).orElse(null);
        fixture = new SchedulingFixture(TestProfiles.sample(), NOW);
        Receptionist receptionist = Receptionist.create(fixture.scheduling(),
                new InMemorySessionStore(fixture.clock()), DisabledLlmFallback.INSTANCE, alert -> io.switchboard.dialog.AlertReceipt.QUEUED);
        receptionist.warmUp(); // as the server does before taking calls
        engine = new ObservedDialog(receptionist);
        recognizer = SharedSpeech.vosk();
        synthesizer = SharedSpeech.mary();
        PromptCache prompts = SharedSpeech.standardPrompts("Bristol Plumbing");
        // the same early end of turn the server uses: the dialog's own reading of the partial transcript
        AnswerCheck answers = new AnswerCheck(fixture.scheduling().profile(), fixture.clock());
        VoiceCalls calls = new VoiceCalls(engine, recognizer, synthesizer, prompts, VoiceSettings.defaults())
                .withAnswerCheck(answers)
                .addLatencyListener(latencies::add);
        server = MediaWebSocketServer.start(MediaServerSettings.loopback(), calls,
            MediaStreamAuth.unauthenticated());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (fixture != null) {
            fixture.close();
        }
        printLatencies();
    }

    @Test
    void aMaryTtsCallerBooksARepairBySpeechAndHearsEveryReply() throws Exception {
        booksARepairBySpeech(maryBooking, "CA00000000000000000000000000000b01", CALLER, NOW.plusDays(1).withHour(8));
    }

    // The pipeline's pre-roll was once one frame (20 ms) longer than the listener's before it, and with that lead-in
    // the small Vosk model heard this caller's "i need a repair" as "i mean it" (SpeechStagesTest pins what the
    // recogniser is fed); "i need repair" was then declined as another trade's work until vague requests were exempt.
    //
    // Off in the default test command (-Dcorpus.realtime=true runs it, with SpokenCallCorpusTest): a minute of
    // real-time audio the suite's 25-minute budget on 2 cores no longer has room for. The MaryTTS booking, the
    // barge-in and the keyed PIN stay the real-time WebSocket calls of every run; espeak-ng callers book in the spoken
    // corpus on simulated time (SpokenCorpusOnSimulatedTimeTest).
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "corpus.realtime", matches = "true")
    void anEspeakCallerBooksARepairBySpeechAndHearsEveryReply() throws Exception {
        assumeTrue(EspeakVoice.installed(), "espeak-ng is not installed: the espeak caller is skipped");
        booksARepairBySpeech(espeakBooking, "CA00000000000000000000000000000b05", "+447700900124",
                NOW.plusDays(2).withHour(8));
    }

    private void booksARepairBySpeech(CallScript script, String callSid, String phone, LocalDateTime expectedStart)
            throws Exception {
        ScriptResult played;
        try (SimulatedCall call = SimulatedCall.dial(server.port(), callSid, phone)) {
            played = script.playOn(call, Duration.ofMillis(300), REPLY_TIMEOUT);
            engine.of(callSid).forEach(e -> System.out.println("[conversation] " + e));
            assertThat(played.failureReason()).as("every line got a complete reply").isEmpty();
            assertThat(call.awaitClosed(Duration.ofSeconds(10))).as("hung up after the goodbye").isEqualTo(1000);
            assertThat(call.events()).noneMatch(e -> e.startsWith("bad-frame") || e.startsWith("unexpected"));
        }
        List<ObservedDialog.Exchange> conversation = engine.of(callSid);
        assertThat(played.greetingFrames()).as("greeting audio").isGreaterThan(25);
        assertThat(played.turns()).as("reply audio for every turn").hasSize(script.lines().size())
                .allSatisfy(turn -> {
                    assertThat(turn.replyFrames()).isGreaterThan(25);
                    assertThat(turn.latencyMillis()).as("client-side turn latency").isNotNaN();
                });
        List<Appointment> booked = fixture.scheduling().appointments().bookedForPhone(phone, Instant.EPOCH);
        assertThat(booked).as(conversation.toString()).singleElement().satisfies(a -> {
            assertThat(a.serviceId()).isEqualTo("general-repair");
            assertThat(a.slot().start()).isEqualTo(ZonedDateTime.of(expectedStart, LONDON));
        });
        assertThat(conversation.get(conversation.size() - 1).result().reply()).contains("Goodbye");
        String sidTail = callSid.substring(callSid.length() - 6);
        List<TurnLatency> turns = latencies.stream()
                .filter(l -> l.callId().endsWith(sidTail) && l.trigger() != TurnTrigger.GREETING).toList();
        List<TurnLatency> spoken = turns.stream()
                .filter(l -> l.trigger() == TurnTrigger.SPEECH || l.trigger() == TurnTrigger.EARLY_SPEECH).toList();
        long reprompts = turns.stream().filter(l -> l.trigger() == TurnTrigger.REPROMPT).count();
        System.out.printf("[measure] %s: %d lines, %d spoken turns, %d replies cut by a barge-in, %d re-prompts%n",
                callSid, script.lines().size(), spoken.size(), spoken.stream().filter(TurnLatency::interrupted).count(),
                reprompts);
        assertThat(spoken).as("one turn per line: none split, none lost").hasSize(script.lines().size());
        // The server may still cut a reply when the caller's own line trails into it after an early end of turn
        // (seen with the MaryTTS caller's name) and re-prompt once; more than that is a broken call.
        assertThat(reprompts).as("re-prompts").isLessThanOrEqualTo(1);
        assertThat(spoken).filteredOn(l -> !l.interrupted())
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
        CallerUtterance speech = bargeIn;
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
        List<ObservedDialog.Exchange> conversation = engine.of(callSid);
        assertThat(conversation).hasSize(2);
        assertThat(conversation.get(1).request().text()).contains("hours");
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
        List<ObservedDialog.Exchange> conversation = engine.of(ownerSid);
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
