package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.simulator.DeafRecognizer;
import io.switchboard.media.call.VoiceCallSessionTest.SilentSynthesizer;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.models.Customer;
import io.switchboard.models.Intent;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.testing.MutableClock;
import io.switchboard.scheduling.testing.TestDatabase;
import io.switchboard.scheduling.testing.TestProfiles;
import io.switchboard.telephony.calllog.CallLogStore;
import io.switchboard.telephony.calllog.CallLogWriter;
import io.switchboard.telephony.calllog.CallOutcome;
import io.switchboard.telephony.calllog.CallSummary;
import io.switchboard.telephony.calllog.LoggedCall;
import io.switchboard.telephony.calllog.LoggedTurn;
import io.switchboard.telephony.calllog.OwnerCallSummaries;
import io.switchboard.telephony.outbound.SendResult;
import io.switchboard.telephony.twilio.media.MediaFormat;
import io.switchboard.telephony.twilio.media.StartInfo;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A whole call through the voice loop (scripted dialog, silent synthesiser, keypad turns) ends up in the call log in
 * PostgreSQL with its outcome and every turn, and the owner is texted its summary.
 */
class CallLogRecordingTest {

    private static final String CALL = "CA00000000000000000000000000000d01";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, LONDON);

    private final Database database = TestDatabase.freshSchema();
    private final CallLogStore store = new CallLogStore(database.dsl());
    private final CallLogWriter writer = new CallLogWriter(store);
    private final MutableClock clock = MutableClock.at(NOW);
    private final List<String> ownerTexts = new CopyOnWriteArrayList<>();
    private final RecordingOutput output = new RecordingOutput();
    private CallSession session;

    @AfterEach
    void tearDown() {
        if (session != null) {
            session.stop();
        }
        writer.close();
        database.close();
    }

    @Test
    void aBookedCallIsStoredWithItsOutcomeAndTurnsAndTheOwnerGetsItsSummary() throws Exception {
        CallLogRecorder recorder = new CallLogRecorder(writer, clock, new CallSummary(TestProfiles.sample()),
                Optional.of(new OwnerCallSummaries((channel, to, text) -> {
                    ownerTexts.add(channel + " " + to + " " + text);
                    return CompletableFuture.completedFuture(SendResult.sent("SM1", 1));
                }, "+447700900999")), false);
        SilentSynthesizer synthesizer = new SilentSynthesizer();
        VoiceCalls calls = new VoiceCalls(new BookingEngine(), new DeafRecognizer(), synthesizer,
                PromptCache.preload(synthesizer, List.of()), VoiceSettings.defaults()).withCallLog(recorder);
        session = calls.open(new StartInfo("MZ1", CALL, "AC1", List.of("inbound"), Map.of("From", "+447700900123"),
                MediaFormat.MULAW_8K_MONO), output);
        output.echoMarksTo(session::onMark);
        output.await(m -> m.contains("mark:r1s0"), 5_000);

        clock.advance(java.time.Duration.ofSeconds(20));
        key("2#");
        output.await(m -> m.contains("mark:r2s0"), 5_000);
        clock.advance(java.time.Duration.ofSeconds(20));
        key("1#");
        output.await(m -> m.contains("hangup"), 5_000);
        awaitStored();

        LoggedCall call = store.find(CALL).orElseThrow();
        assertThat(call.callerPhone()).isEqualTo("+447700900123");
        assertThat(call.startedAt()).isEqualTo(NOW.toInstant());
        assertThat(call.endedAt()).isEqualTo(NOW.plusSeconds(40).toInstant());
        assertThat(call.outcome()).isEqualTo(CallOutcome.BOOKED);
        assertThat(call.appointmentId()).isEqualTo(BookingEngine.APPOINTMENT.id());
        assertThat(call.summary()).isEqualTo("Booked: drain cleaning Tue 14:00, Sarah Donnelly, 14 Gloucester Rd");
        assertThat(call.turns()).extracting(LoggedTurn::turn).containsExactly(1, 2, 3);
        assertThat(call.turns()).extracting(LoggedTurn::via).containsExactly("greeting", "keypad", "keypad");
        assertThat(call.turns()).extracting(LoggedTurn::heard).containsExactly(null, "2", "1");
        assertThat(call.turns()).extracting(LoggedTurn::said)
                .containsExactly("Hello. How can I help?", "Tuesday at two. Shall I book it?", "You're booked.");
        assertThat(call.turns()).extracting(LoggedTurn::state)
                .containsExactly("idle", "awaiting_confirmation", "booked");
        assertThat(call.turns()).allSatisfy(t -> {
            assertThat(t.totalMs()).as("audio went out on every turn").isNotNull();
            assertThat(t.sttMs()).as("no recognition on keypad turns").isNull();
            assertThat(t.confidence()).isNull();
        });
        assertThat(call.turns()).extracting(LoggedTurn::at).isSorted()
                .allSatisfy(at -> assertThat(at).isBetween(call.startedAt(), call.endedAt()));
        assertThat(ownerTexts).containsExactly(
                "SMS +447700900999 Booked: drain cleaning Tue 14:00, Sarah Donnelly, 14 Gloucester Rd");
    }

    @Test
    void aCallerWhoHangsUpMidwayIsStoredAsAbandoned() throws Exception {
        SilentSynthesizer synthesizer = new SilentSynthesizer();
        VoiceCalls calls = new VoiceCalls(new BookingEngine(), new DeafRecognizer(), synthesizer,
                PromptCache.preload(synthesizer, List.of()), VoiceSettings.defaults())
                .withCallLog(new CallLogRecorder(writer, clock, new CallSummary(TestProfiles.sample()),
                        Optional.empty(), true));
        session = calls.open(new StartInfo("MZ2", CALL, "AC1", List.of("inbound"), Map.of(),
                MediaFormat.MULAW_8K_MONO), output);
        output.echoMarksTo(session::onMark);
        output.await(m -> m.contains("mark:r1s0"), 5_000);

        session.stop();
        awaitStored();

        LoggedCall call = store.find(CALL).orElseThrow();
        assertThat(call.outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(call.callerPhone()).isNull();
        assertThat(call.summary()).isNull();
        assertThat(call.turns()).extracting(LoggedTurn::via).containsExactly("greeting");
    }

    private void key(String keys) {
        for (char c : keys.toCharArray()) {
            session.onDtmf(c);
        }
    }

    private void awaitStored() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.stored() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(writer.stored()).isEqualTo(1);
    }

    /** Greets, offers a slot, books it on the caller's next key and ends the conversation. */
    static final class BookingEngine implements DialogEngine {
        static final Appointment APPOINTMENT = new Appointment(UUID.randomUUID(), "drain-cleaning",
                new TimeSlot(NOW.plusDays(1).withHour(14), NOW.plusDays(1).withHour(15)), AppointmentStatus.BOOKED,
                new Customer("+447700900123", "Sarah Donnelly", "14 Gloucester Rd"), "14 Gloucester Rd",
                "slow drain", false, Channel.VOICE, NOW.toInstant());
        private int turns;

        @Override
        public TurnResult begin(Channel channel, String sessionId, String from) {
            return new TurnResult(sessionId, "Hello. How can I help?", Intent.GREETING, DialogState.IDLE, null, null,
                    List.of(), Expectation.NONE);
        }

        @Override
        public synchronized TurnResult handle(TurnRequest request) {
            if (++turns == 1) {
                return new TurnResult(request.sessionId(), "Tuesday at two. Shall I book it?", Intent.BOOK,
                        DialogState.AWAITING_CONFIRMATION, null, null, List.of(), Expectation.NONE);
            }
            return new TurnResult(request.sessionId(), "You're booked.", Intent.BOOK, DialogState.BOOKED, null,
                    APPOINTMENT, List.of(new DialogAction.Booked(APPOINTMENT), new DialogAction.EndConversation()),
                    Expectation.NONE);
        }

        @Override
        public void end(Channel channel, String sessionId) {
        }
    }
}
