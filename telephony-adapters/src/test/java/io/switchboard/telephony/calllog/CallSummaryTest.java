package io.switchboard.telephony.calllog;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.SlotSnapshot;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.models.Customer;
import io.switchboard.models.Intent;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.testing.TestProfiles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The owner's one-line summary of a call and the outcome a call's turns add up to. */
class CallSummaryTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Monday 23 Nov 2026, 09:20. */
    private static final Instant CALL_END = ZonedDateTime.of(2026, 11, 23, 9, 20, 0, 0, LONDON).toInstant();
    private static final String CALLER = "+447700900123";

    private final CallSummary summaries = new CallSummary(TestProfiles.sample());

    static Appointment appointment(ZonedDateTime start, String name, String address) {
        return new Appointment(UUID.randomUUID(), "drain-cleaning", new TimeSlot(start, start.plusHours(1)),
                AppointmentStatus.BOOKED, new Customer(CALLER, name, address), address, "slow drain", false,
                Channel.VOICE, CALL_END);
    }

    static TurnResult result(Intent intent, DialogState state, Appointment appointment, SlotSnapshot slots,
                             DialogAction... actions) {
        return new TurnResult("CA1", "ok", intent, state, slots, appointment, List.of(actions), Expectation.NONE);
    }

    private static ZonedDateTime tuesdayAt14() {
        return ZonedDateTime.of(2026, 11, 24, 14, 0, 0, 0, LONDON);
    }

    @Test
    void aBookingNamesServiceWeekdayTimeCallerAndAddress() {
        Appointment a = appointment(tuesdayAt14(), "Sarah Donnelly", "14 Gloucester Rd");

        assertThat(summaries.of(CallOutcome.BOOKED, result(Intent.BOOK, DialogState.BOOKED, a, null,
                new DialogAction.Booked(a)), CALLER, CALL_END))
                .contains("Booked: drain cleaning Tue 14:00, Sarah Donnelly, 14 Gloucester Rd");
    }

    @Test
    void aDayMoreThanAWeekAwayCarriesItsDate() {
        Appointment a = appointment(tuesdayAt14().plusWeeks(2), "Sarah Donnelly", "");

        assertThat(summaries.of(CallOutcome.BOOKED, result(Intent.BOOK, DialogState.BOOKED, a, null,
                new DialogAction.Booked(a)), CALLER, CALL_END))
                .contains("Booked: drain cleaning Tue 8 Dec 14:00, Sarah Donnelly");
    }

    @Test
    void aMoveSaysWhereFromAndACancellationWhatWasCancelled() {
        Appointment moved = appointment(tuesdayAt14().plusDays(1), "Dave Jenkins", "2 Park St");
        TimeSlot was = new TimeSlot(tuesdayAt14(), tuesdayAt14().plusHours(1));

        assertThat(summaries.of(CallOutcome.MOVED, result(Intent.RESCHEDULE, DialogState.BOOKED, moved, null,
                new DialogAction.Rescheduled(moved, was)), CALLER, CALL_END))
                .contains("Moved: drain cleaning to Wed 14:00 (was Tue 14:00), Dave Jenkins");
        assertThat(summaries.of(CallOutcome.CANCELLED, result(Intent.CANCEL, DialogState.CANCELLED, moved, null,
                new DialogAction.Cancelled(moved)), CALLER, CALL_END))
                .contains("Cancelled: drain cleaning Wed 14:00, Dave Jenkins");
    }

    @Test
    void anEmergencyMessageAndAHandOffGiveTheOwnerWhoToCallBack() {
        SlotSnapshot slots = new SlotSnapshot("Ann Lee", null, "3 Mill Lane", "burst pipe\nin the kitchen", null, null,
                null, true);

        assertThat(summaries.of(CallOutcome.MESSAGE_LEFT, result(Intent.EMERGENCY, DialogState.COLLECTING, null,
                slots, new DialogAction.EmergencyFlagged(), new DialogAction.OwnerNotified()), CALLER, CALL_END))
                .contains("Message: burst pipe in the kitchen, Ann Lee, +447700900123, 3 Mill Lane");
        assertThat(summaries.of(CallOutcome.HAND_OFF, result(Intent.HUMAN, DialogState.HANDED_OFF, null, null,
                new DialogAction.HandOff("+447700900999")), null, CALL_END))
                .contains("Wants a person: number withheld");
    }

    @Test
    void questionsAndAbandonedCallsHaveNoSummaryAndLongPartsAreShortened() {
        assertThat(summaries.of(CallOutcome.QUESTION, result(Intent.QUESTION, DialogState.IDLE, null, null),
                CALLER, CALL_END)).isEmpty();
        assertThat(summaries.of(CallOutcome.ABANDONED, null, CALLER, CALL_END)).isEmpty();

        Appointment a = appointment(tuesdayAt14(), "Sarah Donnelly", "Flat 4, ".repeat(30) + "Gloucester Rd");
        String text = summaries.of(CallOutcome.BOOKED, result(Intent.BOOK, DialogState.BOOKED, a, null,
                new DialogAction.Booked(a)), CALLER, CALL_END).orElseThrow();
        assertThat(text).startsWith("Booked: drain cleaning Tue 14:00, Sarah Donnelly, Flat 4,")
                .hasSizeLessThanOrEqualTo(CallSummary.MAX_LENGTH);
    }

    @Test
    void theStrongestOutcomeOfACallsTurnsStandsAndItsTurnWritesTheSummary() {
        Appointment a = appointment(tuesdayAt14(), "Sarah Donnelly", "14 Gloucester Rd");
        CallTranscript transcript = new CallTranscript("CA-t", CALLER, CALL_END.minusSeconds(60));
        transcript.add(turn(1), result(Intent.GREETING, DialogState.IDLE, null, null));
        transcript.add(turn(2), result(Intent.QUESTION, DialogState.IDLE, null, null));
        assertThat(transcript.outcome()).isEqualTo(CallOutcome.QUESTION);
        transcript.add(turn(3), result(Intent.BOOK, DialogState.BOOKED, a, null, new DialogAction.Booked(a)));
        transcript.add(turn(4), result(Intent.QUESTION, DialogState.IDLE, null, null));
        transcript.add(turn(5), null);

        LoggedCall call = transcript.finish(CALL_END, summaries);

        assertThat(call.outcome()).isEqualTo(CallOutcome.BOOKED);
        assertThat(call.appointmentId()).isEqualTo(a.id());
        assertThat(call.summary()).isEqualTo("Booked: drain cleaning Tue 14:00, Sarah Donnelly, 14 Gloucester Rd");
        assertThat(call.turns()).extracting(LoggedTurn::turn).containsExactly(1, 2, 3, 4, 5);
        assertThat(new CallTranscript("CA-x", null, CALL_END).finish(CALL_END, summaries).outcome())
                .isEqualTo(CallOutcome.ABANDONED);
    }

    private static LoggedTurn turn(int n) {
        return new LoggedTurn(n, "speech", "words", null, "reply", null, null, CALL_END, null, null, null, null, null,
                false);
    }
}
