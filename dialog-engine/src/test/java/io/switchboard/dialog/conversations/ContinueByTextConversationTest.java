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

    /** A deployment with SMS, so a call can go on by text. */
    private static CallerScript textingDeployment() {
        return new CallerScript(TestProfiles.sample(), DisabledLlmFallback.INSTANCE, true);
    }

    /** The caller asks for a repair tomorrow at nine, gives {@code name} and confirms the time: the address is next. */
    private static void untilAskedForTheAddress(CallerScript caller, String name) {
        caller.voice("i need a general repair tomorrow at nine a m");
        caller.voice("my name is " + name);
        TurnResult asked = caller.voice("yes");
        assertThat(asked.expecting()).as(caller.transcript()).isEqualTo(Expectation.ADDRESS);
    }

    private static TurnResult callUntilTheAddressFailsTwice(CallerScript caller) {
        untilAskedForTheAddress(caller, "sarah donnelly");
        caller.voice("hmm");
        return caller.voice("erm well");
    }

    /** The call hands the booking on to text, asking for {@code detail}, and leaves the owner no message. */
    private static void assertGoesOnByTextFor(CallerScript caller, TurnResult handed, String detail) {
        assertThat(handed.reply()).as(caller.transcript()).contains("I'll text you now")
                .contains("reply with your " + detail);
        assertThat(handed.actions()).as(caller.transcript())
                .noneMatch(DialogAction.MessageForOwner.class::isInstance)
                .anyMatch(DialogAction.ContinuesByText.class::isInstance);
    }

    /** The call hangs up after the hand-on to text. */
    private static void hangUp(CallerScript caller) {
        caller.engine.end(Channel.VOICE, "CA-call-1");
    }

    @Test
    void theSmsReplyFinishesTheBookingTheCallStarted() {
        try (CallerScript caller = textingDeployment()) {
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
            hangUp(caller);

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
        try (CallerScript caller = textingDeployment()) {
            untilAskedForTheAddress(caller, "kate mara");
            TurnResult readBack = caller.voice("eleven green lane bristol bs3 1aa");
            assertThat(readBack.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);

            // the recogniser mishears "kate moore" anew at every read-back
            caller.voice("no my name is kate mirror");
            caller.voice("no my name is kit mirror");
            TurnResult handed = caller.voice("no my name is kate miller");

            assertGoesOnByTextFor(caller, handed, "name");
            hangUp(caller);

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
        try (CallerScript caller = textingDeployment()) {
            untilAskedForTheAddress(caller, "sarah jones");
            TurnResult readBack = caller.voice("two church lane");
            assertThat(readBack.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);

            // "no, forty two church lane", misheard differently each time, the last time as no address at all
            caller.voice("no it's four to church lane");
            TurnResult which = caller.voice("no");
            assertThat(which.reply()).as(caller.transcript()).contains("What would you like to change");
            caller.voice("the address");
            caller.voice("for you to church line");
            TurnResult handed = caller.voice("no it's far too to church");

            assertGoesOnByTextFor(caller, handed, "address");
            hangUp(caller);

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
        try (CallerScript caller = textingDeployment()) {
            callUntilTheAddressFailsTwice(caller);
            hangUp(caller);

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
        try (CallerScript caller = textingDeployment()) {
            untilAskedForTheAddress(caller, "kate mara");
            caller.voice("sixty london road");
            caller.voice("no my name is kate mirror"); // refused once
            caller.voice("no"); // twice
            caller.voice("the name");
            caller.voice("hmm");
            TurnResult handed = caller.voice("erm");
            assertThat(handed.reply()).as(caller.transcript()).contains("reply with your name");
            hangUp(caller);

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
