package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.media.simulator.CachedCallerVoice;
import io.switchboard.media.simulator.CallScript;
import io.switchboard.media.simulator.CallerVoice;
import io.switchboard.media.simulator.Callers;
import io.switchboard.media.simulator.MaryCallerVoice;
import io.switchboard.media.simulator.SharedSpeech;
import io.switchboard.media.stt.SpeechRecognizer;
import io.switchboard.media.stt.VoskSpeechRecognizer;
import io.switchboard.media.tts.MaryTtsSynthesizer;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.models.Appointment;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole spoken booking calls through the real pipeline on simulated time ({@link FastCallDriver}): real Vosk, dialog
 * on embedded PostgreSQL and MaryTTS, no WebSocket and no real-time waits. Each call must book the slot it asked for,
 * and run in much less real time than it lasts.
 */
class FastCallDriverTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 9, 0);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final List<Planned> planned = new ArrayList<>();
    private static final List<FastCallDriver.Result> results = new ArrayList<>();
    private static SchedulingFixture fixture;
    private static SpeechRecognizer recognizer;
    private static FastCallDriver driver;
    private static VoiceCalls calls;

    /** A call to place: who, saying what, and the day whose morning they must end up booked on. */
    private record Planned(String callSid, String phone, CallerVoice voice, CallScript script, LocalDate day) {
    }

    @BeforeAll
    static void start() {
        // Caller audio first: a MaryTTS caller's effects are set on the voice object the receptionist shares.
        plan("f01", "+447700900201", CachedCallerVoice.of(MaryCallerVoice.DEEP), Callers.MARY_BOOKING_LINES, 1);
        // The same voice again, each call taking the next free slot that morning. Which voices the small model hears
        // well enough (MaryTTS's QUICK "my tap is leaking" comes out as "my chat is waiting", espeak's "wednesday" as
        // "when") is the spoken corpus's question, not this driver's.
        plan("f02", "+447700900202", CachedCallerVoice.of(MaryCallerVoice.DEEP), Callers.MARY_BOOKING_LINES, 1);
        plan("f03", "+447700900203", CachedCallerVoice.of(MaryCallerVoice.DEEP), Callers.MARY_BOOKING_LINES, 1);
        fixture = new SchedulingFixture(TestProfiles.sample(), NOW);
        Receptionist receptionist = Receptionist.create(fixture.scheduling(), new InMemorySessionStore(fixture.clock()),
                DisabledLlmFallback.INSTANCE, alert -> io.switchboard.dialog.AlertReceipt.QUEUED);
        receptionist.warmUp();
        recognizer = SharedSpeech.vosk();
        MaryTtsSynthesizer synthesizer = SharedSpeech.mary();
        PromptCache prompts = SharedSpeech.standardPrompts("Bristol Plumbing");
        driver = new FastCallDriver(Duration.ofMillis(300), Duration.ofMinutes(5));
        calls = new VoiceCalls(receptionist, recognizer, synthesizer, prompts, VoiceSettings.defaults())
                .withAnswerCheck(new AnswerCheck(fixture.scheduling().profile(), fixture.clock()))
                .withClock(driver.clock());
    }

    private static void plan(String id, String phone, CallerVoice voice, List<String> lines, int daysAhead) {
        planned.add(new Planned("CA00000000000000000000000000000" + id, phone, voice, CallScript.render(voice, lines),
                NOW.toLocalDate().plusDays(daysAhead)));
    }

    @AfterAll
    static void stop() {
        results.forEach(r -> System.out.printf("[measure] fast call %s: %d turns, %.1f s simulated in %.1f s real"
                        + " (%.1fx), stages %s, outbound %s%n", r.callSid(), r.turns().size(), r.simulatedMillis() / 1e3,
                r.wallMillis() / 1e3, (double) r.simulatedMillis() / Math.max(1, r.wallMillis()), r.stages(),
                r.outbound()));
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void spokenBookingCallsBookTheirSlotFasterThanRealTime() throws Exception {
        for (Planned call : planned) {
            FastCallDriver.Result result = driver.run(calls, call.callSid(), call.phone(), call.script().lines());
            results.add(result);
            System.out.println("[fast call] " + call.voice() + " heard " + result.heard());

            assertThat(result.failure()).as(call.voice() + ": " + result.heard()).isNull();
            assertThat(result.receptionistHungUp()).as("the receptionist said goodbye and hung up").isTrue();
            List<Appointment> booked = fixture.scheduling().appointments().bookedForPhone(call.phone(), Instant.EPOCH);
            assertThat(booked).as(call.voice() + " heard " + result.heard()).singleElement().satisfies(a -> {
                assertThat(a.serviceId()).isEqualTo("general-repair");
                assertThat(a.slot().start().withZoneSameInstant(LONDON).toLocalDate()).isEqualTo(call.day());
                assertThat(a.slot().start().withZoneSameInstant(LONDON).getHour()).isLessThan(12);
            });
            assertThat(result.turns()).extracting(t -> t.latency().trigger())
                    .as("the dialog's expectation reached turn-taking: answers like 'yeah' ended their turn early")
                    .contains(TurnTrigger.EARLY_SPEECH);
            assertThat(result.wallMillis()).as("faster than the call's own length")
                    .isLessThan(result.simulatedMillis());
            StageStats stt = result.stages().stream().filter(s -> s.stage().equals("stt")).findFirst().orElseThrow();
            StageStats vad = result.stages().stream().filter(s -> s.stage().equals("vad")).findFirst().orElseThrow();
            assertThat(vad.audioIn()).as("every 20 ms of the call went through VAD")
                    .isBetween(result.simulatedMillis() / 20 - 5, result.simulatedMillis() / 20 + 5);
            assertThat(stt.audioIn()).as("only speech (and its pre-roll) reached the recogniser")
                    .isPositive().isLessThan(vad.audioIn());
            StageStats dialog = result.outbound().stream().filter(s -> s.stage().equals("dialog")).findFirst()
                    .orElseThrow();
            StageStats pacing = result.outbound().stream().filter(s -> s.stage().equals("pacing")).findFirst()
                    .orElseThrow();
            assertThat(dialog.framesIn()).as("every turn went through the outbound pipeline")
                    .isGreaterThanOrEqualTo(result.turns().size());
            assertThat(pacing.audioIn()).as("the replies' audio was paced out").isPositive();
        }
    }
}
