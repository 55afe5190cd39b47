package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.models.Intent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Scripted booking conversations through the engine, each checked against what PostgreSQL stored. */
class BookingConversationTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    private final CallerScript caller = new CallerScript();

    @AfterEach
    void close() {
        caller.close();
    }

    @Test
    void happyPathBySms() {
        caller.sms("Hi, my kitchen sink is blocked, can you do a drain cleaning tmrw at 10am?");
        caller.sms("Jane Doe");
        caller.sms("yes");
        caller.sms("12 Park Street, Bristol BS1 5HX");
        TurnResult last = caller.sms("yes please");

        assertThat(last.state()).as(caller.transcript()).isEqualTo(DialogState.BOOKED);
        assertThat(last.has(DialogAction.Booked.class)).isTrue();
        assertThat(caller.booked()).as(caller.transcript()).singleElement().satisfies(a -> {
            assertThat(a.serviceId()).isEqualTo("drain-cleaning");
            assertThat(a.slot().start()).isEqualTo(caller.at(TUESDAY.atTime(10, 0)));
            assertThat(a.customer().name()).isEqualTo("Jane Doe");
            assertThat(a.customer().phone()).isEqualTo(CallerScript.CALLER);
            assertThat(a.address()).containsIgnoringCase("12 Park Street");
            assertThat(a.problem()).containsIgnoringCase("sink");
            assertThat(a.emergency()).isFalse();
            assertThat(a.channel()).isEqualTo(Channel.SMS);
        });
        assertThat(last.reply().length()).isLessThanOrEqualTo(320);
    }

    @Test
    void aYesThatTalkedOverTheConfirmationQuestionDoesNotBook() {
        caller.voice("i need a general repair tomorrow at nine a m");
        caller.voice("my name is peter jones");
        caller.voice("yes");
        TurnResult confirm = caller.voice("four the mall clifton bristol bs8 4dr");
        assertThat(confirm.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);

        TurnResult over = caller.voiceOver("yes");

        assertThat(over.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
        assertThat(over.reply()).contains("Shall I book it?");
        assertThat(caller.booked()).isEmpty();
        TurnResult heard = caller.voice("yes");
        assertThat(heard.state()).as(caller.transcript()).isEqualTo(DialogState.BOOKED);
        assertThat(caller.booked()).hasSize(1);
    }

    @Test
    void nothingIsBookedWithoutAnExplicitYes() {
        caller.sms("can you do a drain cleaning tmrw at 10am?");
        caller.sms("my name is Jane Doe");
        caller.sms("yes");
        TurnResult confirm = caller.sms("12 Park Street, Bristol BS1 5HX");

        assertThat(confirm.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
        assertThat(caller.booked()).isEmpty();
        TurnResult no = caller.sms("no");
        assertThat(no.state()).as(caller.transcript()).isNotEqualTo(DialogState.BOOKED);
        assertThat(caller.booked()).isEmpty();
    }

    @Test
    void partialInformationThenClarificationOverVoice() {
        caller.begin(Channel.VOICE, "CA-call-1", CallerScript.CALLER);
        TurnResult r1 = caller.voice("hi i need a plumber");
        assertThat(r1.reply()).as(caller.transcript()).containsIgnoringCase("what do you need");
        TurnResult r2 = caller.voice("my water heater is not working there's no hot water");
        assertThat(r2.reply()).as(caller.transcript()).containsIgnoringCase("day");
        TurnResult r3 = caller.voice("tuesday afternoon");
        assertThat(r3.state()).as(caller.transcript()).isEqualTo(DialogState.OFFERING);
        assertThat(r3.reply()).as("voice offers ranges in words, no symbols").doesNotContain(":").contains("p m");
        caller.voice("two o'clock please");
        caller.voice("my name is peter jones");
        caller.voice("yes");
        caller.voice("it's 4 the mall clifton bristol bs8 4dr");
        TurnResult done = caller.voice("yes go ahead");

        assertThat(done.state()).as(caller.transcript()).isEqualTo(DialogState.BOOKED);
        Appointment a = caller.booked().get(0);
        assertThat(a.serviceId()).isEqualTo("water-heater-repair");
        assertThat(a.slot().start()).isEqualTo(caller.at(TUESDAY.atTime(14, 0)));
        assertThat(a.customer().name()).isEqualTo("Peter Jones");
        assertThat(a.address()).containsIgnoringCase("4 the mall");
        assertThat(a.channel()).isEqualTo(Channel.VOICE);
    }

    @Test
    void aChangeOfMindAfterOffersBooksOnlyTheLatestChoice() {
        caller.sms("I need a general repair, leaking tap. Name's Sam Smith, 3 High Street Bristol BS1 2AA");
        caller.sms("Tuesday morning");
        caller.sms("actually make it wednesday afternoon");
        caller.sms("3pm");
        assertThat(caller.sms("yes").state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
        TurnResult last = caller.sms("yes");

        assertThat(last.state()).as(caller.transcript()).isEqualTo(DialogState.BOOKED);
        assertThat(caller.booked()).as(caller.transcript()).singleElement().satisfies(a -> {
            assertThat(a.slot().start()).isEqualTo(caller.at(LocalDateTime.of(2026, 11, 25, 15, 0)));
            assertThat(a.serviceId()).isEqualTo("general-repair");
        });
    }

    @Test
    void whenTheWantedTimeIsTakenTheNearestAlternativesAreOffered() {
        bookDirectly(TUESDAY.atTime(10, 0), "+447700900555");

        TurnResult offer = caller.sms("Drain cleaning tomorrow at 10 please");
        assertThat(offer.state()).as(caller.transcript()).isEqualTo(DialogState.OFFERING);
        assertThat(offer.reply()).contains("taken");
        caller.sms("the first one");
        caller.sms("Ann Lee");
        caller.sms("yes");
        assertThat(caller.sms("9 Queen Square Bristol BS1 4LH").state()).as(caller.transcript())
                .isEqualTo(DialogState.AWAITING_CONFIRMATION);
        TurnResult done = caller.sms("yes");

        assertThat(done.state()).as(caller.transcript()).isEqualTo(DialogState.BOOKED);
        assertThat(caller.booked()).hasSize(2);
        Appointment mine = caller.booked().stream().filter(a -> a.customer().phone().equals(CallerScript.CALLER))
                .findFirst().orElseThrow();
        assertThat(mine.slot().start()).isNotEqualTo(caller.at(TUESDAY.atTime(10, 0)));
        assertThat(mine.slot().start().toLocalDate()).isEqualTo(TUESDAY);
    }

    @Test
    void anAmbiguousRequestOffersBothWindows() {
        TurnResult r = caller.sms("drain cleaning next thursday afternoon or friday morning");

        assertThat(r.state()).as(caller.transcript()).isEqualTo(DialogState.OFFERING);
        assertThat(r.reply()).contains("Thu").contains("Fri");
    }

    @Test
    void aQuestionMidBookingIsAnsweredAndTheBookingResumes() {
        caller.sms("I'd like a drain cleaning on Tuesday at 11am");
        TurnResult q = caller.sms("how much do you charge?");
        assertThat(q.reply()).as(caller.transcript()).contains("£");
        assertThat(q.intent()).isEqualTo(Intent.BOOK);
        assertThat(q.reply()).containsIgnoringCase("name");
        caller.sms("Tom Hardy");
        caller.sms("yes");
        assertThat(caller.sms("22 Gloucester Road, Bristol BS7 8AA").state()).as(caller.transcript())
                .isEqualTo(DialogState.AWAITING_CONFIRMATION);
        TurnResult last = caller.sms("yes");

        assertThat(last.state()).as(caller.transcript()).isEqualTo(DialogState.BOOKED);
        assertThat(caller.booked().get(0).slot().start()).isEqualTo(caller.at(TUESDAY.atTime(11, 0)));
    }

    @Test
    void twoBookingsInOneThreadNeverDoubleBook() {
        caller.sms("general repair tuesday at 9am, dripping tap. I'm Kim Park at 5 Corn Street Bristol BS1 1HT");
        assertThat(caller.sms("yes").state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
        TurnResult first = caller.sms("yes");
        assertThat(first.state()).as(caller.transcript()).isEqualTo(DialogState.BOOKED);

        TurnResult second = caller.sms("Can I also book a drain cleaning for tuesday at 9am?");
        assertThat(second.reply()).as(caller.transcript()).contains("taken");
        assertThat(caller.sms("the first one").state()).as(caller.transcript())
                .isEqualTo(DialogState.AWAITING_CONFIRMATION);
        TurnResult last = caller.sms("yes");

        assertThat(last.state()).as(caller.transcript()).isEqualTo(DialogState.BOOKED);
        assertThat(caller.booked()).hasSize(2);
        assertThat(caller.booked().get(0).slot().overlaps(caller.booked().get(1).slot())).isFalse();
        assertThat(caller.booked()).extracting(Appointment::serviceId)
                .containsExactlyInAnyOrder("general-repair", "drain-cleaning");
    }

    private void bookDirectly(LocalDateTime start, String phone) {
        assertThat(caller.fx.scheduling().bookings().book(caller.fx.request("drain-cleaning", start, phone)).succeeded())
                .isTrue();
    }
}
