package io.switchboard.telephony.messaging;

import static io.switchboard.telephony.messaging.TextChannelsHarness.CALLER;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.OwnerLockedAlert;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.telephony.messaging.ProviderStub.Sent;
import io.switchboard.telephony.outbound.SendResult;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every move or cancellation is texted to the booking's own number, whichever channel made it, so a change made in
 * someone's name never goes unnoticed; and the owner is texted when their PIN lockout trips.
 */
class ChangeNoticeTest {

    private final TextChannelsHarness sb = new TextChannelsHarness();

    @BeforeEach
    void aBookingTomorrow() {
        BookingResult r = sb.fx.scheduling().bookings().book(new BookingRequest(null, "drain-cleaning",
                sb.fx.at(LocalDateTime.of(2026, 11, 24, 10, 0)), CALLER, "Jane Doe", "12 Park Street, Bristol", "test",
                false, SchedulingFixture.TEST_ACTOR));
        assertThat(r).isInstanceOf(BookingResult.Success.class);
    }

    @AfterEach
    void close() {
        sb.close();
    }

    @Test
    void aMoveMadeOverWhatsAppIsTextedToTheBookingsNumberWithANotMeLine() throws Exception {
        turn(Channel.WHATSAPP, CALLER, "I need to move my appointment to Thursday at 2pm");
        TurnResult moved = turn(Channel.WHATSAPP, CALLER, "yes");
        assertThat(moved.has(DialogAction.Rescheduled.class)).as(moved.reply()).isTrue();

        Optional<SendResult> sent = followUp(Channel.WHATSAPP, CALLER, moved);

        assertThat(sent).hasValueSatisfying(r -> assertThat(r.isSent()).isTrue());
        assertThat(sb.provider.sentTo("twilio", CALLER)).extracting(Sent::text).singleElement()
                .satisfies(t -> assertThat(t).contains("has moved to Thu 26 Nov at 14:00 (was Tue 24 Nov at 10:00)")
                        .contains("If this wasn't you"));
    }

    @Test
    void aCancellationMadeThroughTheChatApiIsTextedToTheBookingsNumber() throws Exception {
        turn(Channel.WEB, "integration-session", CALLER, "cancel my booking");
        TurnResult cancelled = turn(Channel.WEB, "integration-session", CALLER, "yes");
        assertThat(cancelled.has(DialogAction.Cancelled.class)).as(cancelled.reply()).isTrue();

        followUp(Channel.WEB, CALLER, cancelled);

        assertThat(sb.provider.sentTo("twilio", CALLER)).extracting(Sent::text).singleElement()
                .satisfies(t -> assertThat(t).contains("is cancelled").contains("If this wasn't you"));
    }

    @Test
    void anSmsConversationWithTheBookingsOwnNumberIsNotTextedTwice() throws Exception {
        turn(Channel.SMS, CALLER, "cancel my booking");
        TurnResult cancelled = turn(Channel.SMS, CALLER, "yes");
        assertThat(cancelled.has(DialogAction.Cancelled.class)).as(cancelled.reply()).isTrue();

        assertThat(followUp(Channel.SMS, CALLER, cancelled)).as("the reply itself is the text").isEmpty();
        assertThat(sb.provider.sent()).isEmpty();
    }

    @Test
    void theOwnerIsTextedWhenTheLockoutTripsWithoutAnyPinOrCallerNumber() {
        String owner = sb.fx.scheduling().profile().owner().phone();

        sb.channels.notifier().ownerAccessLocked(new OwnerLockedAlert(
                sb.fx.clock().instant().plus(Duration.ofMinutes(15)), Channel.VOICE));

        Sent alert = sb.provider.awaitSent(1).getFirst();
        assertThat(alert.to()).isEqualTo(owner);
        assertThat(alert.text()).contains("wrong PINs").contains("locked until 09:15").contains("voice")
                .doesNotContain(sb.fx.scheduling().profile().owner().pin()).doesNotContain("+44");
    }

    private TurnResult turn(Channel channel, String from, String text) {
        return turn(channel, from, from, text);
    }

    private TurnResult turn(Channel channel, String session, String from, String text) {
        return sb.engine.handle(TurnRequest.text(channel, session, from, text));
    }

    private Optional<SendResult> followUp(Channel channel, String from, TurnResult turn) throws Exception {
        return sb.channels.followUps().afterTurn(channel, from, turn).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
