package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.AlertReceipt;
import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.PreviewedTurn;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.media.simulator.CachedCallerVoice;
import io.switchboard.media.simulator.CallScript;
import io.switchboard.media.simulator.Callers;
import io.switchboard.media.simulator.MaryCallerVoice;
import io.switchboard.media.simulator.SharedSpeech;
import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A whole spoken booking call on simulated time ({@link FastCallDriver}: real Vosk, MaryTTS and dialog) with the
 * dialog's real preview wired as the server wires it: replies are prepared in the caller's short pauses, some are sent
 * the moment the turn ends, and still every turn happens exactly once and the call books exactly once.
 */
class SpeculativeCallTest {

    private static final String PHONE = "+447700900281";

    private final SchedulingFixture fixture = new SchedulingFixture(TestProfiles.sample(),
            LocalDateTime.of(2026, 11, 23, 9, 0));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aCallWithTheRealPreviewSpeculatesAndBooksOnce() throws Exception {
        CallScript script = CallScript.render(CachedCallerVoice.of(MaryCallerVoice.DEEP), Callers.MARY_BOOKING_LINES);
        Receptionist receptionist = Receptionist.create(fixture.scheduling(), new InMemorySessionStore(fixture.clock()),
                DisabledLlmFallback.INSTANCE, alert -> AlertReceipt.QUEUED);
        CountingEngine engine = new CountingEngine(receptionist);
        FastCallDriver driver = new FastCallDriver(Duration.ofMillis(300), Duration.ofMinutes(5));
        VoiceCalls calls = new VoiceCalls(engine, SharedSpeech.vosk(), SharedSpeech.mary(),
                SharedSpeech.standardPrompts("Bristol Plumbing"), VoiceSettings.defaults())
                .withAnswerCheck(new AnswerCheck(fixture.scheduling().profile(), fixture.clock()))
                .withTurnPreview(new DialogTurnPreview(engine))
                .withClock(driver.clock());

        FastCallDriver.Result result = driver.run(calls, "CA000000000000000000000000000spec1", PHONE, script.lines());

        assertThat(result.failure()).as("heard " + result.heard()).isNull();
        List<Appointment> booked = fixture.scheduling().appointments().bookedForPhone(PHONE, Instant.EPOCH);
        assertThat(booked).as("heard " + result.heard()).hasSize(1);
        assertThat(fixture.count("select count(*) from appointment")).as("booked exactly once").isEqualTo(1);
        TurnTakingCounts counts = calls.turnTaking();
        System.out.printf("[measure] speculative call: %s, %d previews, %d turns handled%n", counts,
                engine.previews.get(), engine.handled.get());
        engine.log.forEach(line -> System.out.println("[speculative call] " + line));
        assertThat(engine.previews).as("replies were prepared in the caller's pauses").hasPositiveValue();
        assertThat(counts.speculationHits() + counts.speculationMisses())
                .as("prepared replies met their turn's end, sent at once or dropped: " + counts).isPositive();
        long answered = result.turns().stream().filter(t -> t.heard() != null && t.result() != null).count();
        assertThat(engine.handled.get()).as("each turn happened once, speculated or not: " + result.heard())
                .isEqualTo(answered);
    }

    /** The engine as the call sees it, counting the turns that happen and the previews asked for. */
    private static final class CountingEngine implements DialogEngine {
        final DialogEngine inner;
        final AtomicInteger handled = new AtomicInteger();
        final AtomicInteger previews = new AtomicInteger();
        final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();

        CountingEngine(DialogEngine inner) {
            this.inner = inner;
        }

        @Override
        public TurnResult begin(Channel channel, String sessionId, String from) {
            return inner.begin(channel, sessionId, from);
        }

        @Override
        public TurnResult handle(TurnRequest request) {
            handled.incrementAndGet();
            TurnResult r = inner.handle(request);
            log.add("turn '" + request.text() + "' -> '" + r.reply() + "'");
            return r;
        }

        @Override
        public Optional<PreviewedTurn> preview(TurnRequest request) {
            Optional<PreviewedTurn> p = inner.preview(request);
            p.ifPresent(x -> previews.incrementAndGet());
            log.add("preview '" + request.text() + "' -> " + p.map(x -> "'" + x.result().reply() + "'").orElse("none"));
            return p.map(x -> PreviewedTurn.of(request, x.result(), this::handle));
        }

        @Override
        public void end(Channel channel, String sessionId) {
            inner.end(channel, sessionId);
        }
    }
}
