package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.testing.SchedulingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Reschedule, cancel, emergencies, the owner's briefing, and input that makes no sense. */
class ChangeAndOwnerConversationTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final String OWNER = "+447700900999";

    private final CallerScript caller = new CallerScript();

    @AfterEach
    void close() {
        caller.close();
    }

    @Test
    void rescheduleFindsTheBookingByPhoneAndMovesItAfterConfirmation() {
        UUID id = book("drain-cleaning", TUESDAY.atTime(10, 0), CallerScript.CALLER, false);

        TurnResult ask = caller.sms("Hi, I need to move my appointment to Thursday at 2pm");
        assertThat(ask.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
        assertThat(caller.fx.scheduling().appointments().find(id).orElseThrow().slot().start())
                .as("nothing moves before the yes").isEqualTo(caller.at(TUESDAY.atTime(10, 0)));
        TurnResult done = caller.sms("yes");

        assertThat(done.state()).as(caller.transcript()).isEqualTo(DialogState.BOOKED);
        assertThat(done.has(DialogAction.Rescheduled.class)).isTrue();
        Appointment moved = caller.fx.scheduling().appointments().find(id).orElseThrow();
        assertThat(moved.slot().start()).isEqualTo(caller.at(LocalDateTime.of(2026, 11, 26, 14, 0)));
        assertThat(moved.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(caller.booked()).hasSize(1);
    }

    @Test
    void aServiceWordBesideTheNewTimeStillMovesTheBookingAndAskingForAnotherVisitBooksOne() {
        UUID id = book("general-repair", TUESDAY.atTime(10, 0), CallerScript.CALLER, false);

        caller.voice("i need to move my appointment");
        // "thursday morning please" as the recogniser wrote it: "clean" is no new drain cleaning
        TurnResult offers = caller.voice("thursday morning clean");
        assertThat(offers.state()).as(caller.transcript()).isEqualTo(DialogState.OFFERING);
        TurnResult ask = caller.voice("the first one");
        assertThat(ask.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
        assertThat(ask.reply()).as(caller.transcript()).contains("move your general repair");
        caller.voice("yes");
        assertThat(caller.fx.scheduling().appointments().find(id).orElseThrow().slot().start())
                .as(caller.transcript()).isEqualTo(caller.at(LocalDateTime.of(2026, 11, 26, 8, 0)));

        TurnResult another = caller.voice("can i also book a drain cleaning on friday morning");
        assertThat(another.slots().service()).as(caller.transcript()).isEqualTo("drain-cleaning");
    }

    @Test
    void aBareNewTimeMovesTheBookingWithinItsDay() {
        UUID id = book("general-repair", TUESDAY.atTime(10, 0), CallerScript.CALLER, false);

        caller.sms("can we make it 4 instead");
        TurnResult done = caller.sms("yes");

        assertThat(done.state()).as(caller.transcript()).isEqualTo(DialogState.BOOKED);
        assertThat(caller.fx.scheduling().appointments().find(id).orElseThrow().slot().start())
                .isEqualTo(caller.at(TUESDAY.atTime(16, 0)));
    }

    @Test
    void cancelConfirmsThenCancelsAndFreesTheSlot() {
        UUID id = book("general-repair", TUESDAY.atTime(10, 0), CallerScript.CALLER, false);

        TurnResult ask = caller.sms("I need to cancel my booking");
        assertThat(ask.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
        assertThat(ask.reply()).contains("general repair");
        TurnResult done = caller.sms("yes");

        assertThat(done.state()).as(caller.transcript()).isEqualTo(DialogState.CANCELLED);
        assertThat(done.has(DialogAction.Cancelled.class)).isTrue();
        assertThat(caller.fx.scheduling().appointments().find(id).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(caller.booked()).isEmpty();
    }

    @Test
    void cancelWithSeveralBookingsAsksWhichAndSayingNoKeepsIt() {
        book("general-repair", TUESDAY.atTime(10, 0), CallerScript.CALLER, false);
        UUID wednesday = book("drain-cleaning", TUESDAY.plusDays(1).atTime(9, 0), CallerScript.CALLER, false);

        TurnResult which = caller.sms("cancel my appointment please");
        assertThat(which.reply()).as(caller.transcript()).contains("Which");
        TurnResult confirm = caller.sms("the wednesday one");
        assertThat(confirm.reply()).as(caller.transcript()).contains("drain cleaning");
        TurnResult kept = caller.sms("no");

        assertThat(kept.reply()).as(caller.transcript()).containsIgnoringCase("left it");
        assertThat(caller.fx.scheduling().appointments().find(wednesday).orElseThrow().status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(caller.booked()).hasSize(2);
    }

    @Test
    void anEmergencyIsFlaggedTheOwnerNotifiedAndTheEarliestSlotBooked() {
        TurnResult r = caller.sms("Help, a burst pipe is flooding my kitchen!");

        assertThat(r.has(DialogAction.EmergencyFlagged.class)).as(caller.transcript()).isTrue();
        assertThat(r.has(DialogAction.OwnerNotified.class)).isTrue();
        assertThat(r.slots().emergency()).isTrue();
        assertThat(caller.alerts).singleElement().satisfies(a -> {
            assertThat(a.callerPhone()).isEqualTo(CallerScript.CALLER);
            assertThat(a.problem()).containsIgnoringCase("burst pipe");
        });
        assertThat(r.state()).isEqualTo(DialogState.OFFERING);
        caller.sms("yes");
        caller.sms("Rita Moss");
        caller.sms("yes");
        caller.sms("Flat 2, Broad Street Bristol BS1 2EP");
        TurnResult done = caller.sms("yes");

        assertThat(done.state()).as(caller.transcript()).isEqualTo(DialogState.BOOKED);
        Appointment a = caller.booked().get(0);
        assertThat(a.emergency()).isTrue();
        assertThat(a.serviceId()).isEqualTo("emergency-callout");
        assertThat(a.slot().start()).as("the earliest bookable slot: 09:00 plus two hours' notice")
                .isEqualTo(caller.at(LocalDateTime.of(2026, 11, 23, 11, 0)));
        assertThat(caller.alerts).as("notified once").hasSize(1);
    }

    @Test
    void theOwnerGetsABriefingAfterTheRightPin() {
        book("drain-cleaning", TUESDAY.atTime(10, 0), "+447700900111", false);
        book("emergency-callout", TUESDAY.atTime(14, 0), "+447700900222", true);
        book("general-repair", TUESDAY.plusDays(1).atTime(9, 0), "+447700900333", false);

        TurnResult pin = caller.say(Channel.SMS, OWNER, OWNER, "what's on my schedule tomorrow?");
        assertThat(pin.state()).as(caller.transcript()).isEqualTo(DialogState.VERIFYING_OWNER);
        assertThat(pin.reply()).doesNotContain("drain");
        TurnResult brief = caller.say(Channel.SMS, OWNER, OWNER, "482916");

        assertThat(brief.state()).as(caller.transcript()).isEqualTo(DialogState.OWNER_BRIEFING);
        assertThat(brief.reply()).contains("2 jobs").contains("10:00").contains("drain cleaning").contains("14:00")
                .doesNotContain("09:00");
        TurnResult emergencies = caller.say(Channel.SMS, OWNER, OWNER, "any emergencies tomorrow afternoon?");
        assertThat(emergencies.reply()).as(caller.transcript()).contains("1 job").contains("14:00")
                .doesNotContain("10:00");
        TurnResult first = caller.say(Channel.SMS, OWNER, OWNER, "read me my first appointment for wednesday");
        assertThat(first.reply()).as(caller.transcript()).contains("09:00").contains("general repair");
    }

    @Test
    void theOwnerBriefingOverVoiceTakesAKeyedPin() {
        book("drain-cleaning", LocalDate.of(2026, 11, 23).atTime(14, 0), "+447700900111", false);

        TurnResult hello = caller.begin(Channel.VOICE, "CA-owner", OWNER);
        assertThat(hello.state()).isEqualTo(DialogState.VERIFYING_OWNER);
        caller.keys(Channel.VOICE, "CA-owner", OWNER, "482916");
        TurnResult brief = caller.say(Channel.VOICE, "CA-owner", OWNER, "what's on my schedule today");

        assertThat(brief.reply()).as(caller.transcript()).contains("one job").containsIgnoringCase("two p m")
                .doesNotContain(":");
    }

    @Test
    void anOwnerNotUnderstoodAgainAndAgainIsSaidGoodbyeToNotAskedForEver() {
        caller.begin(Channel.VOICE, "CA-owner-2", OWNER);
        caller.keys(Channel.VOICE, "CA-owner-2", OWNER, "482916");
        caller.say(Channel.VOICE, "CA-owner-2", OWNER, "what's on today");
        TurnResult last = null;
        int turns = 0;
        while (turns < 8 && (last == null || !last.has(DialogAction.EndConversation.class))) {
            last = caller.say(Channel.VOICE, "CA-owner-2", OWNER, "no you don't buy");
            turns++;
        }

        assertThat(last.has(DialogAction.EndConversation.class)).as(caller.transcript()).isTrue();
        assertThat(turns).as(caller.transcript()).isLessThanOrEqualTo(3);
        assertThat(last.reply()).containsIgnoringCase("goodbye");
    }

    @Test
    void anOwnerAskingQuestionAfterQuestionIsNeverCutOff() {
        caller.say(Channel.SMS, OWNER, OWNER, "what's on today");
        caller.say(Channel.SMS, OWNER, OWNER, "482916");
        for (String q : new String[] {"what about tomorrow", "any emergencies", "what's on wednesday",
                "what's my first job friday"}) {
            TurnResult r = caller.say(Channel.SMS, OWNER, OWNER, q);
            assertThat(r.has(DialogAction.EndConversation.class)).as(caller.transcript()).isFalse();
            assertThat(r.state()).isEqualTo(DialogState.OWNER_BRIEFING);
        }
    }

    @Test
    void aWrongPinNeverRevealsTheSchedule() {
        book("drain-cleaning", TUESDAY.atTime(10, 0), "+447700900111", false);

        caller.say(Channel.SMS, OWNER, OWNER, "what's on tomorrow");
        TurnResult wrong1 = caller.say(Channel.SMS, OWNER, OWNER, "1111");
        TurnResult wrong2 = caller.say(Channel.SMS, OWNER, OWNER, "2222");
        TurnResult wrong3 = caller.say(Channel.SMS, OWNER, OWNER, "3333");
        TurnResult after = caller.say(Channel.SMS, OWNER, OWNER, "482916");

        assertThat(wrong1.reply()).contains("isn't right").doesNotContain("drain");
        assertThat(wrong2.state()).isEqualTo(DialogState.VERIFYING_OWNER);
        assertThat(wrong3.state()).as(caller.transcript()).isEqualTo(DialogState.FAILED);
        assertThat(after.reply()).as(caller.transcript()).doesNotContain("drain").doesNotContain("10:00");
    }

    @Test
    void someoneElseAskingForTheScheduleIsRefused() {
        book("drain-cleaning", TUESDAY.atTime(10, 0), "+447700900111", false);

        TurnResult r = caller.sms("what's on my schedule tomorrow");

        assertThat(r.reply()).as(caller.transcript()).contains("owner").doesNotContain("drain").doesNotContain("10:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "asdkjh qwe zzz", "🙂🙂🙂", "%%%$$$###", "\u0000\u0001\u0002"})
    void garbageGetsAPoliteReplyAndChangesNothing(String text) {
        TurnResult r = caller.sms(text);

        assertThat(r.reply()).isNotBlank();
        assertThat(r.state()).isIn(DialogState.IDLE, DialogState.COLLECTING);
        assertThat(caller.booked()).isEmpty();
    }

    @Test
    void aHugeMessageIsReadWithoutFailing() {
        TurnResult r = caller.sms("drain cleaning tomorrow at 10 ".repeat(500));

        assertThat(r.reply()).isNotBlank();
        assertThat(caller.booked()).isEmpty();
    }

    @Test
    void repeatedGarbageOffersAPerson() {
        caller.sms("zzzz");
        caller.sms("qqqq");
        TurnResult third = caller.sms("xxxx");

        assertThat(third.has(DialogAction.MessageForOwner.class)).as(caller.transcript()).isTrue();
        assertThat(third.state()).isEqualTo(DialogState.HANDED_OFF);
    }

    private UUID book(String service, LocalDateTime start, String phone, boolean emergency) {
        BookingResult r = caller.fx.scheduling().bookings().book(new BookingRequest(null, service, caller.at(start),
                phone, "Customer " + phone.substring(phone.length() - 3), "1 Test Street, Bristol", "test", emergency,
                SchedulingFixture.TEST_ACTOR));
        assertThat(r).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) r).appointment().id();
    }
}
