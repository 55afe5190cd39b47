package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Appointment;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.testing.SchedulingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Corrections as a dialog act: only the named detail changes, everything else stays, and the reply says so. */
class CorrectionConversationTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);
    private static final String ADDRESS = "5 Corn Street, Bristol, BS1 1HT";
    private static final String CONFIRM_10 = "To confirm: general repair, tomorrow 10:00, " + ADDRESS
            + ". Book it? (yes/no)";

    private final CallerScript caller = new CallerScript();

    @AfterEach
    void close() {
        caller.close();
    }

    private void reachConfirmation() {
        caller.sms("general repair tuesday at 10am, dripping tap. My name is Kim Park");
        caller.sms("yes");
        TurnResult confirm = caller.sms("5 Corn Street Bristol BS1 1HT");
        assertThat(confirm.reply()).as(caller.transcript()).isEqualTo(CONFIRM_10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"actually make it 4pm", "no, 4pm instead", "can we make it 4pm instead",
            "sorry i meant 4pm", "no 4 pm please"})
    void aNewTimeAtTheConfirmationChangesOnlyTheTime(String correction) {
        reachConfirmation();

        TurnResult r = caller.sms(correction);

        assertThat(r.reply()).as(caller.transcript()).isEqualTo("OK, 16:00 instead. To confirm: general repair, "
                + "tomorrow 16:00, " + ADDRESS + ". Book it? (yes/no)");
        assertThat(r.slots().name()).isEqualTo("Kim Park");
        assertThat(r.slots().address()).isEqualTo(ADDRESS);
        TurnResult booked = caller.sms("yes");
        assertThat(booked.state()).as(caller.transcript()).isEqualTo(DialogState.BOOKED);
        assertThat(caller.booked()).singleElement().satisfies(a ->
                assertThat(a.slot().start()).isEqualTo(caller.at(TUESDAY.atTime(16, 0))));
    }

    @Test
    void aBareNoAsksWhatToChangeAndKeepsTheDay() {
        reachConfirmation();

        TurnResult no = caller.sms("no");

        assertThat(no.reply()).as(caller.transcript())
                .isEqualTo("No problem. What would you like to change: the day/time, the address, or something else?");
        assertThat(no.slots().date()).isEqualTo(TUESDAY);
        assertThat(no.slots().time()).isEqualTo(LocalTime.of(10, 0));
        assertThat(caller.booked()).isEmpty();

        TurnResult time = caller.sms("wednesday at 2pm");
        assertThat(time.reply()).as(caller.transcript()).isEqualTo("OK, Wed 25 Nov at 14:00 instead. To confirm: "
                + "general repair, Wed 25 Nov 14:00, " + ADDRESS + ". Book it? (yes/no)");
    }

    @Test
    void namingThePartToChangeAsksOnlyForThat() {
        reachConfirmation();
        caller.sms("no");

        TurnResult r = caller.sms("the address");

        assertThat(r.reply()).as(caller.transcript()).isEqualTo("What's the address for the job?");
        assertThat(r.slots().time()).isEqualTo(LocalTime.of(10, 0));
        TurnResult confirm = caller.sms("7 Picton Street, Bristol BS6 5QA");
        assertThat(confirm.reply()).as(caller.transcript()).isEqualTo("To confirm: general repair, tomorrow 10:00, "
                + "7 Picton Street, Bristol, BS6 5QA. Book it? (yes/no)");
    }

    @Test
    void aCorrectedAddressAtTheConfirmationKeepsTheDayAndTime() {
        reachConfirmation();

        TurnResult r = caller.sms("no the full address is 7 Picton Street, Bristol BS6 5QA");

        assertThat(r.reply()).as(caller.transcript()).isEqualTo("OK, I've changed the address to 7 Picton Street, "
                + "Bristol, BS6 5QA. To confirm: general repair, tomorrow 10:00, 7 Picton Street, Bristol, BS6 5QA. "
                + "Book it? (yes/no)");
        assertThat(r.slots().date()).isEqualTo(TUESDAY);
        assertThat(r.slots().time()).isEqualTo(LocalTime.of(10, 0));
    }

    @Test
    void aCorrectedPhoneKeepsTheBooking() {
        reachConfirmation();

        TurnResult r = caller.sms("no, use 07700 900444 instead");

        assertThat(r.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
        assertThat(r.reply()).isEqualTo("OK, we'll call you on +447700900444 instead. " + CONFIRM_10);
        TurnResult booked = caller.sms("yes");
        assertThat(booked.state()).as(caller.transcript()).isEqualTo(DialogState.BOOKED);
        assertThat(caller.booked()).singleElement().satisfies(a -> {
            assertThat(a.customer().phone()).isEqualTo("+447700900444");
            assertThat(a.slot().start()).isEqualTo(caller.at(TUESDAY.atTime(10, 0)));
        });
    }

    @Test
    void notOneDayButAnotherKeepsTheTime() {
        reachConfirmation();

        TurnResult r = caller.sms("not tuesday, wednesday");

        assertThat(r.reply()).as(caller.transcript()).isEqualTo("OK, Wed 25 Nov instead. To confirm: general repair, "
                + "Wed 25 Nov 10:00, " + ADDRESS + ". Book it? (yes/no)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nothing sooner??", "anything sooner?", "anything earlier", "have you got anything earlier?",
            "is there nothing earlier"})
    void askingForSoonerOffersEarlierTimesAndIsNeverAYes(String sooner) {
        TurnResult offer = caller.sms("drain cleaning thursday afternoon");
        assertThat(offer.state()).as(caller.transcript()).isEqualTo(DialogState.OFFERING);

        TurnResult r = caller.sms(sooner);

        assertThat(r.state()).as(caller.transcript()).isEqualTo(DialogState.OFFERING);
        assertThat(r.reply()).isEqualTo("I can do: 1) today 11:00 2) today 11:30 3) today 12:00. Which suits you?");
        assertThat(caller.booked()).isEmpty();
    }

    @Test
    void askingForSoonerAtTheConfirmationOffersEarlierTimes() {
        reachConfirmation();

        TurnResult r = caller.sms("anything sooner?");

        assertThat(r.reply()).as(caller.transcript())
                .isEqualTo("I can do: 1) today 11:00 2) today 11:30 3) today 12:00. Which suits you?");
        assertThat(caller.booked()).isEmpty();
        TurnResult picked = caller.sms("the second one");
        assertThat(picked.reply()).as(caller.transcript()).isEqualTo("To confirm: general repair, today 11:30, "
                + ADDRESS + ". Book it? (yes/no)");
    }

    @Test
    void movingAnAppointmentNamedByItsDayOffersTheNewDay() {
        UUID id = book(TUESDAY.atTime(10, 0));

        TurnResult r = caller.sms("move my appointment tomorrow to Wednesday afternoon");

        assertThat(r.state()).as(caller.transcript()).isEqualTo(DialogState.OFFERING);
        assertThat(r.reply()).isEqualTo("I can do: 1) Wed 25 Nov 12:00 2) Wed 25 Nov 12:30 3) Wed 25 Nov 13:00. "
                + "Which suits you?");
        caller.sms("2");
        caller.sms("yes");
        assertThat(caller.fx.scheduling().appointments().find(id).orElseThrow().slot().start())
                .as(caller.transcript()).isEqualTo(caller.at(WEDNESDAY.atTime(12, 30)));
    }

    @Test
    void aTimeSaidWhileMovingKeepsTheDayBeingDiscussed() {
        UUID id = book(TUESDAY.atTime(10, 0));
        TurnResult offers = caller.sms("can I move my booking to wednesday");
        assertThat(offers.state()).as(caller.transcript()).isEqualTo(DialogState.OFFERING);

        TurnResult r = caller.sms("can you do 3pm?");

        assertThat(r.reply()).as(caller.transcript())
                .isEqualTo("Move your general repair from tomorrow 10:00 to Wed 25 Nov 15:00? (yes/no)");
        caller.sms("yes");
        assertThat(caller.fx.scheduling().appointments().find(id).orElseThrow().slot().start())
                .isEqualTo(caller.at(LocalDateTime.of(2026, 11, 25, 15, 0)));
    }

    private UUID book(LocalDateTime start) {
        BookingResult r = caller.fx.scheduling().bookings().book(new BookingRequest(null, "general-repair",
                caller.at(start), CallerScript.CALLER, "Kim Park", "5 Corn Street, Bristol", "tap", false,
                SchedulingFixture.TEST_ACTOR));
        assertThat(r).isInstanceOf(BookingResult.Success.class);
        Appointment a = ((BookingResult.Success) r).appointment();
        return a.id();
    }
}
