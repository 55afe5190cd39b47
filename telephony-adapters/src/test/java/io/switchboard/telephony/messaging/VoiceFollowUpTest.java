package io.switchboard.telephony.messaging;

import static io.switchboard.telephony.messaging.TextChannelsHarness.CALLER;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.telephony.messaging.ProviderStub.Sent;
import io.switchboard.telephony.messaging.TextChannelsHarness.Reply;
import io.switchboard.telephony.outbound.SendOutcome;
import io.switchboard.telephony.outbound.SendResult;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A booking made on a phone call is confirmed by SMS, and a reply to that SMS changes it through the same engine. */
class VoiceFollowUpTest {

    private static final String CALL = "CA5f2a9f0e8ae6ade43cb3c0ce4525424e";

    private final TextChannelsHarness sb = new TextChannelsHarness();

    @AfterEach
    void close() {
        sb.close();
    }

    @Test
    void aVoiceBookingIsConfirmedBySmsAndAnSmsReplyReschedulesIt() throws Exception {
        TurnResult booked = bookByVoice();

        Optional<SendResult> result = sb.channels.followUps().afterTurn(Channel.VOICE, booked)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(result).hasValueSatisfying(r -> assertThat(r.isSent()).isTrue());
        Sent confirmation = sb.provider.sentTo("twilio", CALLER).getFirst();
        assertThat(confirmation.text()).startsWith("Bristol Plumbing: you're booked for drain cleaning")
                .contains("Tue 24 Nov at 10:00").contains("12 Park Street").contains("Reply to this text to change or cancel");

        Reply ask = sb.sms("can we make it 4 instead");
        assertThat(ask.message()).as(sb.transcript()).hasValueSatisfying(t -> assertThat(t).contains("(yes/no)"));
        assertThat(appointment().slot().start()).as("nothing moves before the yes")
                .isEqualTo(sb.fx.at(LocalDateTime.of(2026, 11, 24, 10, 0)));
        Reply done = sb.sms("yes");

        assertThat(done.message()).as(sb.transcript()).hasValueSatisfying(t -> assertThat(t).contains("now"));
        Appointment moved = appointment();
        assertThat(moved.slot().start()).isEqualTo(sb.fx.at(LocalDateTime.of(2026, 11, 24, 16, 0)));
        assertThat(moved.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(moved.id()).isEqualTo(booked.appointment().id());
    }

    @Test
    void anAddressSpeechCouldNotCarryIsAskedForByTextAndTheReplyBooks() throws Exception {
        sb.engine.begin(Channel.VOICE, CALL, CALLER);
        sb.voice(CALL, "my kitchen sink is blocked, can you do a drain cleaning tomorrow at 10 am");
        sb.voice(CALL, "Jane Doe");
        sb.voice(CALL, "yes");
        sb.voice(CALL, "hmm");
        TurnResult handed = sb.voice(CALL, "erm well");
        assertThat(handed.has(DialogAction.ContinuesByText.class)).as(sb.transcript()).isTrue();

        Optional<SendResult> sent = sb.channels.followUps().afterTurn(Channel.VOICE, CALLER, handed)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        sb.engine.end(Channel.VOICE, CALL);

        assertThat(sent).hasValueSatisfying(r -> assertThat(r.isSent()).isTrue());
        assertThat(sb.provider.sentTo("twilio", CALLER).getFirst().text()).contains("reply with your address");
        Reply confirm = sb.sms("12 Park Street, Bristol BS1 5HX");
        assertThat(confirm.message()).as(sb.transcript()).hasValueSatisfying(t -> assertThat(t).contains("12 Park"));
        sb.sms("yes");

        Appointment booked = appointment();
        assertThat(booked.serviceId()).as(sb.transcript()).isEqualTo("drain-cleaning");
        assertThat(booked.slot().start()).isEqualTo(sb.fx.at(LocalDateTime.of(2026, 11, 24, 10, 0)));
        assertThat(booked.customer().name()).isEqualTo("Jane Doe");
        assertThat(booked.address()).contains("12 Park Street");
    }

    @Test
    void aBareCancelReplyCancelsAfterConfirmation() throws Exception {
        TurnResult booked = bookByVoice();
        sb.channels.followUps().afterTurn(Channel.VOICE, booked).toCompletableFuture().get(10, TimeUnit.SECONDS);

        Reply ask = sb.sms("cancel");
        assertThat(ask.message()).as(sb.transcript()).hasValueSatisfying(t -> assertThat(t).startsWith("Cancel your"));
        sb.sms("yes");

        assertThat(appointment().status()).as(sb.transcript()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(sb.count("select count(*) from messaging_opt_out")).isZero();
    }

    @Test
    void moveAndCancelOnACallAreConfirmedToo() throws Exception {
        bookByVoice();
        String second = CALL + "x";
        sb.voice(second, "I need to move my appointment to Thursday at 2pm");
        TurnResult moved = sb.voice(second, "yes");
        assertThat(moved.has(DialogAction.Rescheduled.class)).as(sb.transcript()).isTrue();
        sb.channels.followUps().afterTurn(Channel.VOICE, moved).toCompletableFuture().get(10, TimeUnit.SECONDS);

        String third = CALL + "y";
        sb.voice(third, "I need to cancel my booking");
        TurnResult cancelled = sb.voice(third, "yes");
        assertThat(cancelled.has(DialogAction.Cancelled.class)).as(sb.transcript()).isTrue();
        sb.channels.followUps().afterTurn(Channel.VOICE, cancelled).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(sb.provider.sentTo("twilio", CALLER)).extracting(Sent::text).satisfiesExactly(
                m -> assertThat(m).contains("has moved to Thu 26 Nov at 14:00 (was Tue 24 Nov at 10:00)"),
                m -> assertThat(m).contains("drain cleaning on Thu 26 Nov at 14:00 is cancelled"));
    }

    @Test
    void textTurnsAndTurnsWithoutABookingAreNotFollowedUp() throws Exception {
        TurnResult booked = bookByVoice();
        TurnResult chat = sb.voice(CALL + "z", "what are your opening hours?");

        assertThat(sb.channels.followUps().afterTurn(Channel.SMS, booked).toCompletableFuture()
                .get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(sb.channels.followUps().afterTurn(Channel.VOICE, chat).toCompletableFuture()
                .get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(sb.provider.sent()).isEmpty();
    }

    @Test
    void anOptedOutCallerGetsNoFollowUp() throws Exception {
        sb.sms("STOP");
        TurnResult booked = bookByVoice();

        Optional<SendResult> result = sb.channels.followUps().afterTurn(Channel.VOICE, booked)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(result).hasValueSatisfying(r -> {
            assertThat(r.outcome()).isEqualTo(SendOutcome.REJECTED);
            assertThat(r.detail()).isEqualTo(OptOutAwareMessenger.OPTED_OUT);
        });
        assertThat(sb.provider.sent()).isEmpty();
    }

    private TurnResult bookByVoice() {
        sb.engine.begin(Channel.VOICE, CALL, CALLER);
        sb.voice(CALL, "my kitchen sink is blocked, can you do a drain cleaning tomorrow at 10 am");
        sb.voice(CALL, "Jane Doe");
        sb.voice(CALL, "yes");
        sb.voice(CALL, "12 Park Street, Bristol BS1 5HX");
        TurnResult done = sb.voice(CALL, "yes please");
        assertThat(done.state()).as(sb.transcript()).isEqualTo(DialogState.BOOKED);
        assertThat(done.has(DialogAction.Booked.class)).isTrue();
        return done;
    }

    private Appointment appointment() {
        return sb.fx.scheduling().appointments().startingBetween(sb.fx.clock().instant(),
                sb.fx.clock().instant().plusSeconds(90L * 86400)).getFirst();
    }
}
