package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A call whose address speech cannot carry: the booking goes on by text, in the same conversation. */
class ContinueByTextConversationTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    private static TurnResult callUntilTheAddressFailsTwice(CallerScript caller) {
        caller.voice("i need a general repair tomorrow at nine a m");
        caller.voice("my name is sarah donnelly");
        TurnResult asked = caller.voice("yes");
        assertThat(asked.expecting()).as(caller.transcript()).isEqualTo(Expectation.ADDRESS);
        caller.voice("hmm");
        return caller.voice("erm well");
    }

    @Test
    void theSmsReplyFinishesTheBookingTheCallStarted() {
        try (CallerScript caller = new CallerScript(TestProfiles.sample(), DisabledLlmFallback.INSTANCE, true)) {
            TurnResult handed = callUntilTheAddressFailsTwice(caller);

            assertThat(handed.reply()).as(caller.transcript()).contains("I'll text you now")
                    .contains("reply with your address");
            assertThat(handed.has(DialogAction.EndConversation.class)).isTrue();
            assertThat(handed.actions()).filteredOn(DialogAction.ContinuesByText.class::isInstance).singleElement()
                    .satisfies(a -> {
                        DialogAction.ContinuesByText text = (DialogAction.ContinuesByText) a;
                        assertThat(text.phone()).isEqualTo(CallerScript.CALLER);
                        assertThat(text.text()).contains("reply with your address");
                    });
            caller.engine.end(Channel.VOICE, "CA-call-1"); // the call hangs up

            TurnResult confirm = caller.sms("14 Gloucester Road, Bristol BS7 8AA");
            assertThat(confirm.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
            TurnResult booked = caller.sms("yes");

            assertThat(booked.has(DialogAction.Booked.class)).as(caller.transcript()).isTrue();
            assertThat(caller.booked()).singleElement().satisfies(a -> {
                assertThat(a.serviceId()).isEqualTo("general-repair");
                assertThat(a.slot().start()).isEqualTo(caller.at(TUESDAY.atTime(9, 0)));
                assertThat(a.customer().name()).isEqualToIgnoringCase("Sarah Donnelly");
                assertThat(a.address()).containsIgnoringCase("14 Gloucester Road");
            });
        }
    }

    @Test
    void aNameMisheardAtEveryReadBackIsTypedByTextAndTheBookingFinishesThere() {
        try (CallerScript caller = new CallerScript(TestProfiles.sample(), DisabledLlmFallback.INSTANCE, true)) {
            caller.voice("i need a general repair tomorrow at nine a m");
            caller.voice("my name is kate mara");
            caller.voice("yes");
            TurnResult readBack = caller.voice("eleven green lane bristol bs3 1aa");
            assertThat(readBack.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);

            // the recogniser mishears "kate moore" anew at every read-back
            caller.voice("no my name is kate mirror");
            caller.voice("no my name is kit mirror");
            TurnResult handed = caller.voice("no my name is kate miller");

            assertThat(handed.reply()).as(caller.transcript()).contains("I'll text you now")
                    .contains("reply with your name");
            assertThat(handed.actions()).as(caller.transcript())
                    .noneMatch(DialogAction.MessageForOwner.class::isInstance)
                    .anyMatch(DialogAction.ContinuesByText.class::isInstance);
            caller.engine.end(Channel.VOICE, "CA-call-1");

            TurnResult confirm = caller.sms("Kate Moore");
            assertThat(confirm.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
            caller.sms("yes");

            assertThat(caller.booked()).as(caller.transcript()).singleElement().satisfies(a -> {
                assertThat(a.customer().name()).isEqualTo("Kate Moore");
                assertThat(a.slot().start()).isEqualTo(caller.at(TUESDAY.atTime(9, 0)));
            });
        }
    }

    @Test
    void anAddressCorrectedAtEveryReadBackGoesOnByTextEvenWhenTheLastCorrectionIsNoAddressAtAll() {
        try (CallerScript caller = new CallerScript(TestProfiles.sample(), DisabledLlmFallback.INSTANCE, true)) {
            caller.voice("i need a general repair tomorrow at nine a m");
            caller.voice("my name is sarah jones");
            caller.voice("yes");
            TurnResult readBack = caller.voice("two church lane");
            assertThat(readBack.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);

            // "no, forty two church lane", misheard differently each time, the last time as no address at all
            caller.voice("no it's four to church lane");
            TurnResult which = caller.voice("no");
            assertThat(which.reply()).as(caller.transcript()).contains("What would you like to change");
            caller.voice("the address");
            caller.voice("for you to church line");
            TurnResult handed = caller.voice("no it's far too to church");

            assertThat(handed.reply()).as(caller.transcript()).contains("I'll text you now")
                    .contains("reply with your address");
            assertThat(handed.actions()).as(caller.transcript())
                    .noneMatch(DialogAction.MessageForOwner.class::isInstance)
                    .anyMatch(DialogAction.ContinuesByText.class::isInstance);
            caller.engine.end(Channel.VOICE, "CA-call-1");

            caller.sms("42 Church Lane");
            caller.sms("yes");

            assertThat(caller.booked()).as(caller.transcript()).singleElement().satisfies(a -> {
                assertThat(a.address()).containsIgnoringCase("42 Church Lane");
                assertThat(a.customer().name()).isEqualToIgnoringCase("Sarah Jones");
            });
        }
    }

    @Test
    void anAddressTypedWithoutItsPostcodeIsTheAddressNotADayOrAJob() {
        try (CallerScript caller = new CallerScript(TestProfiles.sample(), DisabledLlmFallback.INSTANCE, true)) {
            callUntilTheAddressFailsTwice(caller);
            caller.engine.end(Channel.VOICE, "CA-call-1");

            // "25" is no 25th of the month and "Queen" no drain cleaning when the address is what the text asked for
            TurnResult confirm = caller.sms("25 Queen Street");
            assertThat(confirm.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
            caller.sms("yes");

            assertThat(caller.booked()).as(caller.transcript()).singleElement().satisfies(a -> {
                assertThat(a.serviceId()).isEqualTo("general-repair");
                assertThat(a.slot().start()).isEqualTo(caller.at(TUESDAY.atTime(9, 0)));
                assertThat(a.address()).containsIgnoringCase("25 Queen Street");
            });
        }
    }

    @Test
    void readBacksRefusedOnTheCallDoNotCountAgainstCorrectionsByText() {
        try (CallerScript caller = new CallerScript(TestProfiles.sample(), DisabledLlmFallback.INSTANCE, true)) {
            caller.voice("i need a general repair tomorrow at nine a m");
            caller.voice("my name is kate mara");
            caller.voice("yes");
            caller.voice("sixty london road");
            caller.voice("no my name is kate mirror"); // refused once
            caller.voice("no"); // twice
            caller.voice("the name");
            caller.voice("hmm");
            TurnResult handed = caller.voice("erm");
            assertThat(handed.reply()).as(caller.transcript()).contains("reply with your name");
            caller.engine.end(Channel.VOICE, "CA-call-1");

            caller.sms("Kate Moore");
            TurnResult corrected = caller.sms("no, it's 61 London Road"); // a third refusal, but the first by text
            assertThat(corrected.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
            caller.sms("yes");

            assertThat(caller.booked()).as(caller.transcript()).singleElement().satisfies(a -> {
                assertThat(a.customer().name()).isEqualTo("Kate Moore");
                assertThat(a.address()).containsIgnoringCase("61 London Road");
            });
        }
    }

    @Test
    void withoutSmsNoTextIsPromised() {
        try (CallerScript caller = new CallerScript()) {
            TurnResult second = callUntilTheAddressFailsTwice(caller);

            assertThat(second.reply()).as(caller.transcript()).doesNotContainIgnoringCase("text");
            assertThat(second.actions()).noneMatch(DialogAction.ContinuesByText.class::isInstance);
        }
    }
}
