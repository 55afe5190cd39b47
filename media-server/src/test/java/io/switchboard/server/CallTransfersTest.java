package io.switchboard.server;

import io.switchboard.dialog.AlertReceipt;
import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.EmergencyAlert;
import io.switchboard.dialog.HandOffNote;
import io.switchboard.dialog.Notifier;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.media.call.CallOutput;
import io.switchboard.media.call.CallSession;
import io.switchboard.media.call.CallSessionFactory;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import io.switchboard.telephony.messaging.ProviderStub;
import io.switchboard.telephony.outbound.TwilioCallTransfer;
import io.switchboard.telephony.twilio.media.MediaFormat;
import io.switchboard.telephony.twilio.media.StartInfo;
import io.switchboard.telephony.voice.LiveTransferSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live call asking for the owner within opening hours, through the real receptionist: the reply is spoken, then the
 * voice loop's hang-up becomes the Twilio call update to {@code <Dial>} (the real twilio-java client against the
 * loopback {@link ProviderStub}), and only then is the stream closed.
 */
class CallTransfersTest {

    private static final String CALL = "CA0123456789abcdef0123456789abcdef";
    private static final String CALLER = "+447700900123";

    private final SchedulingFixture fx = new SchedulingFixture(TestProfiles.sample(), LocalDateTime.of(2026, 11, 23, 9, 0));
    private final ProviderStub twilio = new ProviderStub();
    private final CallTransfers transfers = new CallTransfers(new TwilioCallTransfer(new LiveTransferSettings(
            "+447700900555", "AC0123456789abcdef0123456789abcdef", "12345678901234567890123456789012",
            twilio.baseUrl(), Duration.ofSeconds(5))));
    private final DialogEngine engine = transfers.engine(Receptionist.create(fx.scheduling(),
            new InMemorySessionStore(fx.clock()), DisabledLlmFallback.INSTANCE, new TransferringNotifier()));
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicReference<CallOutput> seen = new AtomicReference<>();
    private final CallSessionFactory calls = transfers.calls((start, output) -> {
        seen.set(output);
        return new NoSession();
    });

    @AfterEach
    void close() {
        transfers.close();
        twilio.close();
        fx.close();
    }

    @Test
    void askingForTheOwnerWithinHoursTransfersTheLiveCallAfterTheReply() throws Exception {
        calls.open(start(CALL), new RecordingOutput());
        engine.begin(Channel.VOICE, CALL, CALLER);
        TurnResult r = engine.handle(TurnRequest.text(Channel.VOICE, CALL, CALLER, "can I talk to Sam please"));
        assertThat(r.actions()).contains(new DialogAction.TransferCall(), new DialogAction.EndConversation());
        assertThat(twilio.callUpdates()).as("nothing before the reply has been played").isEmpty();

        seen.get().hangUp(); // what the voice loop does once the reply has played out

        awaitHangUp();
        assertThat(twilio.callUpdates()).singleElement().satisfies(u -> {
            assertThat(u.callSid()).isEqualTo(CALL);
            assertThat(u.twiml()).contains("<Dial><Number>+447700900555</Number></Dial>");
        });
        assertThat(events).containsExactly("hang-up after the call update");
    }

    @Test
    void aCallThatDoesNotTransferHangsUpAsBefore() {
        calls.open(start(CALL), new RecordingOutput());
        engine.begin(Channel.VOICE, CALL, CALLER);
        engine.handle(TurnRequest.text(Channel.VOICE, CALL, CALLER, "thanks, bye"));
        seen.get().hangUp();
        assertThat(events).containsExactly("hang-up");
        assertThat(twilio.callUpdates()).isEmpty();
    }

    @Test
    void aCallerWhoHangsUpFirstIsNotTransferred() {
        calls.open(start(CALL), new RecordingOutput());
        engine.begin(Channel.VOICE, CALL, CALLER);
        engine.handle(TurnRequest.text(Channel.VOICE, CALL, CALLER, "let me speak to Sam"));
        assertThat(transfers.pending(CALL)).isTrue();
        engine.end(Channel.VOICE, CALL);
        assertThat(transfers.pending(CALL)).isFalse();
        seen.get().hangUp();
        assertThat(twilio.callUpdates()).isEmpty();
    }

    private void awaitHangUp() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (events.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
    }

    private static StartInfo start(String callSid) {
        return new StartInfo("MZ1", callSid, "AC1", List.of("inbound"), Map.of("From", CALLER),
                MediaFormat.MULAW_8K_MONO);
    }

    /** A deployment with a transfer number and SMS. */
    private static final class TransferringNotifier implements Notifier {
        @Override
        public AlertReceipt emergency(EmergencyAlert alert) {
            return AlertReceipt.QUEUED;
        }

        @Override
        public AlertReceipt handOff(HandOffNote note) {
            return AlertReceipt.QUEUED;
        }

        @Override
        public Optional<String> liveTransferNumber() {
            return Optional.of("+447700900555");
        }
    }

    private final class RecordingOutput implements CallOutput {
        @Override
        public void sendMedia(byte[] muLaw, int offset, int length) {
        }

        @Override
        public void sendMark(String name) {
        }

        @Override
        public void sendClear() {
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public void hangUp() {
            // by then Twilio has the update: the stream may close
            events.add(twilio.callUpdates().isEmpty() ? "hang-up" : "hang-up after the call update");
        }
    }

    private static final class NoSession implements CallSession {
        @Override
        public void onMedia(byte[] payload, int offset, int length) {
        }

        @Override
        public void onDtmf(char digit) {
        }

        @Override
        public void onMark(String name) {
        }

        @Override
        public void stop() {
        }
    }
}
