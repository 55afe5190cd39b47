package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Channel;
import io.switchboard.models.Intent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Words that several extractors could read: one reading wins, decided by what was just asked. Every case here
 * is a reported failure or a phrasing written before the fix, with the exact reply or slot expected.
 */
class ArbitrationConversationTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final String OFFER = "I can do: 1) tomorrow 08:00 2) tomorrow 08:30 3) tomorrow 09:00. Which suits you?";

    private final CallerScript caller = new CallerScript();

    @AfterEach
    void close() {
        caller.close();
    }

    @ParameterizedTest(name = "\"{0}\" picks {1}")
    @CsvSource({
            "3, 09:00", "2, 08:30", "1, 08:00", "the second one, 08:30", "option 2, 08:30", "the later one, 09:00",
            "the earlier one, 08:00", "number three please, 09:00", "2 please, 08:30", "the last one, 09:00",
            "first, 08:00", "the 8:30 one, 08:30", "9 is good, 09:00", "the third one please, 09:00",
            "lets go with option 3, 09:00", "two, 08:30"})
    void aReplyToAnOfferSelectsAnOffer(String reply, String expected) {
        TurnResult offer = caller.sms("drain cleaning tomorrow morning please");
        assertThat(offer.reply()).as(caller.transcript()).isEqualTo(OFFER);
        assertThat(offer.expecting()).isEqualTo(Expectation.offering(List.of(caller.at(TUESDAY.atTime(8, 0)),
                caller.at(TUESDAY.atTime(8, 30)), caller.at(TUESDAY.atTime(9, 0)))));

        TurnResult picked = caller.sms(reply);

        assertThat(picked.slots().date()).as(caller.transcript()).isEqualTo(TUESDAY);
        assertThat(picked.slots().time()).as(caller.transcript()).isEqualTo(LocalTime.parse(expected));
        assertThat(picked.reply()).as(caller.transcript()).isEqualTo("What's your name?");
    }

    @Test
    void anExplicitClockTimeAfterOffersIsANewWishNotAPosition() {
        caller.sms("drain cleaning tomorrow morning please");

        TurnResult r = caller.sms("3pm");

        assertThat(r.slots().time()).as(caller.transcript()).isEqualTo(LocalTime.of(15, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "its flat four | Flat 4",
            "flat 2, 10 park street, bristol bs1 5hx | Flat 2",
            "unit three | Unit 3"})
    void aFlatNumberInAnAddressAnswerIsAddressNotATime(String reply, String addressStart) {
        caller.sms("general repair tuesday at 10am, dripping tap. My name is Kim Park");
        TurnResult asked = caller.sms("yes");
        assertThat(asked.reply()).as(caller.transcript()).isEqualTo("What's the address for the job?");

        TurnResult r = caller.sms(reply);

        assertThat(r.slots().time()).as(caller.transcript()).isEqualTo(LocalTime.of(10, 0));
        assertThat(r.slots().date()).isEqualTo(TUESDAY);
        assertThat(r.slots().address()).as(caller.transcript()).startsWith(addressStart);
    }

    @Test
    void aDigitRunInAPhoneAnswerIsAPhone() {
        TurnResult asked = caller.say(Channel.WEB, "web-1", null,
                "general repair tuesday at 10am, dripping tap. My name is Kim Park");
        assertThat(asked.reply()).as(caller.transcript()).isEqualTo("What's the best number to reach you on?");

        TurnResult r = caller.say(Channel.WEB, "web-1", null, "07700 900 444");

        assertThat(r.slots().phone()).as(caller.transcript()).isEqualTo("+447700900444");
        assertThat(r.slots().time()).isEqualTo(LocalTime.of(10, 0));
        assertThat(r.reply()).isEqualTo("What's the address for the job?");
    }

    @Test
    void aBookingThatMentionsSaturdayIsNotTheOpeningHoursQuestion() {
        TurnResult r = caller.sms("leaking pipe, sat 28th at 10am");

        assertThat(r.reply()).as(caller.transcript()).doesNotContain("We're open");
        assertThat(r.slots().service()).isEqualTo("general-repair");
        assertThat(r.slots().date()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(r.slots().time()).isEqualTo(LocalTime.of(10, 0));
        assertThat(r.reply()).isEqualTo("What's your name?");
    }

    @Test
    void aQuestionThatAlsoBooksIsAnsweredAndTheBookingKeepsItsDetails() {
        TurnResult r = caller.sms("how much is a quote for a tankless install on thursday afternoon?");

        assertThat(r.reply()).as(caller.transcript())
                .startsWith("A general repair is from £85 for the first hour, drain cleaning from £120, and an "
                        + "emergency call-out is £145. ");
        assertThat(r.intent()).isEqualTo(Intent.BOOK);
        assertThat(r.slots().service()).isEqualTo("tankless-installation");
        assertThat(r.state()).isEqualTo(DialogState.OFFERING);
        assertThat(r.reply()).contains("Thu 26 Nov");
    }

    @Test
    void aQuestionAboutHoursWithABookingUnderWayKeepsTheWish() {
        caller.sms("I need a drain cleaning on Tuesday at 11am");
        TurnResult q = caller.sms("are you open on saturdays?");

        assertThat(q.reply()).as(caller.transcript())
                .isEqualTo("We're open Monday to Friday eight till six, and Saturday nine till one. What's your name?");
        assertThat(q.slots().time()).isEqualTo(LocalTime.of(11, 0));
        assertThat(q.slots().date()).isEqualTo(TUESDAY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Will Cash | Will Cash", "Sandy Open | Sandy Open",
            "name's Penny Hours | Penny Hours", "Carol Hours | Carol Hours"})
    void namesNeverTriggerFaqs(String reply, String name) {
        caller.sms("drain cleaning tuesday at 11am");
        TurnResult r = caller.sms(reply);

        assertThat(r.slots().name()).as(caller.transcript()).isEqualTo(name);
        assertThat(r.reply()).as(caller.transcript()).isEqualTo("Is +447700900123 the best number to reach you on? (yes/no)");
    }

    @Test
    void anEmailIsItsOwnSlotNeverTheAddress() {
        caller.sms("general repair tuesday at 10am, dripping tap. My name is Kim Park");
        caller.sms("yes");

        TurnResult r = caller.sms("kim.park@example.co.uk");

        assertThat(r.slots().address()).as(caller.transcript()).isNull();
        assertThat(r.reply()).as("understood, but not an address: asked again, never word for word")
                .isEqualTo("To repeat: What's the address for the job?");
    }

    @Test
    void aStreetThenAPostcodeIsOneAddress() {
        caller.sms("general repair tuesday at 10am, dripping tap. My name is Kim Park");
        caller.sms("yes");
        caller.sms("7 Picton Street");

        TurnResult r = caller.sms("BS6 5QA");

        assertThat(r.slots().address()).as(caller.transcript()).isEqualTo("7 Picton Street, BS6 5QA");
    }
}
