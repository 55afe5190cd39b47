package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.testing.SchedulingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reschedule and cancel act only on bookings of the number the channel proves (the signed SMS {@code From}, the
 * caller ID): a number spoken by the caller never selects someone else's booking.
 */
class CallerIdentityConversationTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final String VICTIM = CallerScript.CALLER; // +447700900123
    private static final String STRANGER = "+447700900555";

    private final CallerScript caller = new CallerScript();

    @AfterEach
    void close() {
        caller.close();
    }

    @Test
    void aSignedSmsFromAnotherNumberCannotCancelTheVictimsBookingBySayingTheirNumber() {
        UUID victims = book("general-repair", TUESDAY.atTime(10, 0), VICTIM);

        TurnResult first = caller.say(Channel.SMS, STRANGER, STRANGER, "cancel my appointment");
        TurnResult named = caller.say(Channel.SMS, STRANGER, STRANGER, "my number is 07700 900123");
        TurnResult yes = caller.say(Channel.SMS, STRANGER, STRANGER, "yes");

        assertThat(caller.fx.scheduling().appointments().find(victims).orElseThrow().status())
                .as(caller.transcript()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(yes.has(DialogAction.Cancelled.class)).isFalse();
        for (TurnResult r : new TurnResult[] {first, named, yes}) {
            assertThat(r.reply()).as(caller.transcript()).doesNotContain("general repair").doesNotContain("10:00")
                    .doesNotContainIgnoringCase("tuesday");
        }
        assertThat(first.reply()).as("never asks which number to look under").doesNotContainIgnoringCase("which number");
    }

    @Test
    void namingAnotherNumberInOneGoChangesNothingAndLeavesTheOwnerAMessage() {
        UUID victims = book("drain-cleaning", TUESDAY.atTime(10, 0), VICTIM);

        TurnResult r = caller.say(Channel.SMS, STRANGER, STRANGER,
                "I need to move my appointment to thursday, it was booked under my wife's phone 07700 900123");
        TurnResult yes = caller.say(Channel.SMS, STRANGER, STRANGER, "yes");

        assertThat(r.reply()).as(caller.transcript()).containsIgnoringCase("from the phone it was booked with")
                .doesNotContain("drain").doesNotContain("10:00");
        assertThat(r.state()).isEqualTo(DialogState.HANDED_OFF);
        assertThat(r.actions()).filteredOn(a -> a instanceof DialogAction.MessageForOwner)
                .singleElement()
                .satisfies(a -> {
                    DialogAction.MessageForOwner m = (DialogAction.MessageForOwner) a;
                    assertThat(m.callback()).as("the owner calls back the proven number, not the named one")
                            .isEqualTo(STRANGER);
                    assertThat(m.summary()).doesNotContain("900123");
                });
        assertThat(yes.has(DialogAction.Rescheduled.class)).isFalse();
        assertThat(caller.fx.scheduling().appointments().find(victims).orElseThrow().slot().start())
                .isEqualTo(caller.at(TUESDAY.atTime(10, 0)));
    }

    @Test
    void theReplyIsTheSameWhetherOrNotTheNamedNumberHasBookings() {
        book("general-repair", TUESDAY.atTime(10, 0), VICTIM);

        caller.say(Channel.SMS, STRANGER, STRANGER, "cancel my booking");
        TurnResult withBookings = caller.say(Channel.SMS, STRANGER, STRANGER, "my number is 07700 900123");
        String other = "+447700900556";
        caller.say(Channel.SMS, other, other, "cancel my booking");
        TurnResult without = caller.say(Channel.SMS, other, other, "my number is 07700 900777");

        assertThat(withBookings.reply()).as(caller.transcript()).isEqualTo(without.reply());
        assertThat(withBookings.state()).isEqualTo(without.state());
    }

    @Test
    void theOwnerOfTheBookingMayNameTheirOwnNumberInAnyFormat() {
        UUID mine = book("general-repair", TUESDAY.atTime(10, 0), VICTIM);

        caller.sms("I want to cancel, my number is 07700 900123");
        TurnResult done = caller.sms("yes");

        assertThat(done.state()).as(caller.transcript()).isEqualTo(DialogState.CANCELLED);
        assertThat(caller.fx.scheduling().appointments().find(mine).orElseThrow().status())
                .isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void aConversationWithNoProvenNumberCannotChangeAnyBooking() {
        UUID victims = book("general-repair", TUESDAY.atTime(10, 0), VICTIM);

        TurnResult first = caller.say(Channel.WEB, "web-visitor-1", null, "I need to cancel my appointment");
        TurnResult named = caller.say(Channel.WEB, "web-visitor-1", null, "07700 900123");
        TurnResult yes = caller.say(Channel.WEB, "web-visitor-1", null, "yes");

        assertThat(first.reply()).as(caller.transcript()).containsIgnoringCase("from the phone it was booked with")
                .doesNotContain("general repair");
        assertThat(named.reply()).doesNotContain("general repair").doesNotContain("10:00");
        assertThat(yes.has(DialogAction.Cancelled.class)).isFalse();
        assertThat(caller.fx.scheduling().appointments().find(victims).orElseThrow().status())
                .isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void aCallerWithoutBookingsIsNotInvitedToNameAnotherNumber() {
        book("general-repair", TUESDAY.atTime(10, 0), VICTIM);

        TurnResult r = caller.say(Channel.SMS, STRANGER, STRANGER, "please cancel my booking");

        assertThat(r.reply()).as(caller.transcript()).containsIgnoringCase("can't find a booking")
                .doesNotContainIgnoringCase("which number");
        assertThat(r.state()).isEqualTo(DialogState.FAILED);
    }

    private UUID book(String service, LocalDateTime start, String phone) {
        BookingResult r = caller.fx.scheduling().bookings().book(new BookingRequest(null, service, caller.at(start),
                phone, "Customer " + phone.substring(phone.length() - 3), "1 Test Street, Bristol", "test", false,
                SchedulingFixture.TEST_ACTOR));
        assertThat(r).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) r).appointment().id();
    }
}
