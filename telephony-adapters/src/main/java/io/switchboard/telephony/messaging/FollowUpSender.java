package io.switchboard.telephony.messaging;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.telephony.outbound.OutboundMessenger;
import io.switchboard.telephony.outbound.SendResult;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * After a phone call books, moves or cancels an appointment, texts the customer a confirmation with the details. A
 * reply to that text arrives on {@code /twilio/sms} as a new SMS conversation with the customer's number, where the
 * dialog engine finds their appointment by phone, so "can we make it 4 instead" or "cancel" just work.
 *
 * <p>A move or cancellation made on any channel is texted to the booking's own number ("if this wasn't you,
 * reply..."), so a change made in someone's name never goes unnoticed; the one exception is an SMS conversation
 * with that very number, whose reply already is the text. A booking made by text is not followed up: its reply is
 * the confirmation. Opt-outs are honoured by the messenger given (see {@link OptOutAwareMessenger}). Never blocks.
 */
public final class FollowUpSender {

    private final OutboundMessenger outbound;
    private final ConfirmationText texts;

    public FollowUpSender(OutboundMessenger outbound, ConfirmationText texts) {
        this.outbound = Objects.requireNonNull(outbound, "outbound");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /**
     * Call after every turn of a voice call (cheap when there is nothing to confirm).
     *
     * @param channel the channel the turn was taken on; only {@link Channel#VOICE} turns are followed up
     * @return the send's outcome, or empty when the turn needed no follow-up
     */
    public CompletionStage<Optional<SendResult>> afterTurn(Channel channel, TurnResult turn) {
        return afterTurn(channel, null, turn);
    }

    /**
     * Call after every turn on any channel.
     *
     * @param channel the channel the turn was taken on
     * @param from    the caller ID the turn's reply goes back to (E.164), or null when none
     * @return the send's outcome, or empty when the turn needed no follow-up
     */
    public CompletionStage<Optional<SendResult>> afterTurn(Channel channel, String from, TurnResult turn) {
        if (turn == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        for (DialogAction action : turn.actions()) {
            if (action instanceof DialogAction.ContinuesByText byText && channel == Channel.VOICE) {
                // a call whose booking carries on by text: the text is the question the caller replies to
                return outbound.send(Channel.SMS, byText.phone(), byText.text()).thenApply(Optional::of);
            }
            Optional<Confirmation> confirmation = switch (action) {
                case DialogAction.Booked b when channel == Channel.VOICE ->
                        Optional.of(new Confirmation(b.appointment(), texts.booked(b)));
                case DialogAction.Rescheduled r -> Optional.of(new Confirmation(r.appointment(), texts.rescheduled(r)));
                case DialogAction.Cancelled c -> Optional.of(new Confirmation(c.appointment(), texts.cancelled(c)));
                default -> Optional.empty();
            };
            if (confirmation.isPresent() && !repliedByText(channel, from, confirmation.get().appointment())) {
                Confirmation c = confirmation.get();
                return outbound.send(Channel.SMS, c.appointment().customer().phone(), c.text()).thenApply(Optional::of);
            }
        }
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /** The turn's own reply was an SMS to the booking's number: texting again would say the same thing twice. */
    private static boolean repliedByText(Channel channel, String from, Appointment a) {
        return channel == Channel.SMS && from != null && from.equals(a.customer().phone());
    }

    private record Confirmation(Appointment appointment, String text) {
    }
}
