package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phrasings written before the arbitration, recovery and correction code was tuned, and kept as they were written:
 * the mechanisms must carry them, not a phrase list.
 */
class UntunedPhrasingConversationTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    private final CallerScript caller = new CallerScript();

    @AfterEach
    void close() {
        caller.close();
    }

    @ParameterizedTest(name = "\"{0}\" picks {1}")
    @CsvSource({"i'll take the 2nd, 08:30", "number 2 please, 08:30", "2nd one, 08:30", "the one at half eight, 08:30",
            "last, 09:00", "the final one, 09:00", "go for the first, 08:00", "first one works, 08:00",
            "option three, 09:00", "3rd, 09:00", "second please, 08:30", "the 9 o'clock, 09:00", "the nine am one, 09:00",
            "3 please, 09:00", "um 2, 08:30", "the eight thirty, 08:30"})
    void picksAmongOffers(String reply, String expected) {
        caller.sms("drain cleaning tomorrow morning please");

        TurnResult r = caller.sms(reply);

        assertThat(r.slots().time()).as(caller.transcript()).isEqualTo(LocalTime.parse(expected));
        assertThat(r.slots().date()).isEqualTo(TUESDAY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "flat 3b 22 cotham hill bristol bs6 6ju | Flat 3b, 22 Cotham Hill",
            "apartment 12 | Apartment 12",
            "basement flat, 4 the mall, bs8 4dr | Basement flat"})
    void addressAnswersKeepTheFlat(String reply, String start) {
        caller.sms("general repair tuesday at 10am, dripping tap. My name is Kim Park");
        caller.sms("yes");

        TurnResult r = caller.sms(reply);

        assertThat(r.slots().address()).as(caller.transcript()).startsWithIgnoringCase(start);
        assertThat(r.slots().time()).isEqualTo(LocalTime.of(10, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "do you charge for a callout? need my boiler looked at friday morning | water-heater-repair | 2026-11-27",
            "what do you charge for drain cleaning, could you come tomorrow at 2? | drain-cleaning | 2026-11-24",
            "r u open sat? need a tap fixed at 10 | general-repair | 2026-11-28"})
    void aQuestionWithABookingGetsBoth(String message, String service, String date) {
        TurnResult r = caller.sms(message);

        assertThat(r.slots().service()).as(caller.transcript()).isEqualTo(service);
        assertThat(r.slots().date()).isEqualTo(LocalDate.parse(date));
        assertThat(r.state()).isNotEqualTo(DialogState.IDLE);
        assertThat(r.reply()).as("the question is answered first").matches("^(?:We|A general).*");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "oh sorry make that 3pm | 15:00 | 2026-11-24",
            "actually can it be 11 | 11:00 | 2026-11-24",
            "no i said wednesday | 10:00 | 2026-11-25",
            "hang on, can we do wednesday instead | 10:00 | 2026-11-25"})
    void correctionsAtTheConfirmationChangeOnlyTheTime(String correction, String time, String date) {
        caller.sms("general repair tuesday at 10am, dripping tap. My name is Kim Park");
        caller.sms("yes");
        caller.sms("5 Corn Street Bristol BS1 1HT");

        TurnResult r = caller.sms(correction);

        assertThat(r.slots().time()).as(caller.transcript()).isEqualTo(LocalTime.parse(time));
        assertThat(r.slots().date()).isEqualTo(LocalDate.parse(date));
        assertThat(r.slots().address()).isEqualTo("5 Corn Street, Bristol, BS1 1HT");
        assertThat(r.reply()).startsWith("OK, ");
        assertThat(caller.booked()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "wait, wrong address, it's 9 queen square bs1 4lh | 9 Queen Square",
            "the number should be 07700 900555 | +447700900555"})
    void correctedDetailsAtTheConfirmationKeepTheTime(String correction, String changed) {
        caller.sms("general repair tuesday at 10am, dripping tap. My name is Kim Park");
        caller.sms("yes");
        caller.sms("5 Corn Street Bristol BS1 1HT");

        TurnResult r = caller.sms(correction);

        assertThat(r.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
        assertThat(r.slots().time()).isEqualTo(LocalTime.of(10, 0));
        assertThat(r.slots().address() + " " + r.slots().phone()).contains(changed);
        assertThat(r.reply()).startsWith("OK, ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"any earlier?", "can you do it sooner", "earlier please", "got anything sooner"})
    void soonerIsNeverAPick(String sooner) {
        caller.sms("drain cleaning thursday afternoon");

        TurnResult r = caller.sms(sooner);

        assertThat(r.state()).as(caller.transcript()).isEqualTo(DialogState.OFFERING);
        assertThat(r.reply()).as(caller.transcript()).startsWith("I can do: 1) today 11:00");
    }
}
