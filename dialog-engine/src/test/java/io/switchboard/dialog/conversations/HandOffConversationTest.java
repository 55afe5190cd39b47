package io.switchboard.dialog.conversations;

import io.switchboard.dialog.AlertReceipt;
import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.HandOffNote;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-offs that happen: asking for a person (or the owner by name, or a call back) tells the owner at once through
 * the notifier, with who to call, what they wanted and the last lines; the turn carries a {@code notify_owner} action;
 * a live call is put through within opening hours when a transfer number is configured, and otherwise the caller
 * leaves a message. Nothing is promised that the notifier did not do.
 */
class HandOffConversationTest {

    private final CallerScript caller = new CallerScript();

    @AfterEach
    void close() {
        caller.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"can I speak to a real person", "let me talk to Sam", "is Sam there?",
            "I want to speak to someone", "put me through to a human please", "are you a robot? get me a person",
            "can I have a word with the owner... actually just let me talk to someone",
            "could I chat with one of your staff", "Can I speak to Sam please"})
    void askingForAPersonTellsTheOwnerAtOnce(String said) {
        TurnResult r = caller.sms(said);
        assertThat(caller.handOffs).as(caller.transcript()).hasSize(1);
        HandOffNote note = caller.handOffs.getFirst();
        assertThat(note.callerPhone()).isEqualTo(CallerScript.CALLER);
        assertThat(note.reason()).isEqualTo("asked_for_person");
        assertThat(note.recentLines()).last().isEqualTo("Caller: " + said);
        assertThat(r.actions()).contains(new DialogAction.NotifyOwner("asked_for_person", "queued"));
        assertThat(r.reply()).contains("I've let Sam know");
        assertThat(r.state()).isEqualTo(DialogState.HANDED_OFF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"can someone just call me back", "please ring me back", "could somebody call me",
            "I'd like a call back please", "have someone phone me"})
    void askingToBeCalledBackIsAHandOff(String said) {
        TurnResult r = caller.sms(said);
        assertThat(r.actions()).as(caller.transcript()).contains(new DialogAction.NotifyOwner("call_back", "queued"));
        assertThat(caller.handOffs).singleElement().satisfies(n -> assertThat(n.reason()).isEqualTo("call_back"));
    }

    @Test
    void aNumberForTheCallBackIsAnAnswerNotAHandOff() {
        caller.sms("i need a drain cleaning tomorrow at 10am");
        caller.sms("Jane Smith");
        TurnResult r = caller.sms("no, call me back on 07700 900456");
        assertThat(caller.handOffs).as(caller.transcript()).isEmpty();
        assertThat(r.actions()).noneMatch(a -> a instanceof DialogAction.NotifyOwner);
    }

    @Test
    void theNoteCarriesWhatTheCallerWantedAndTheLastLines() {
        caller.sms("i need a drain cleaning tomorrow at 10am");
        caller.sms("Jane Smith");
        caller.sms("actually can I just speak to Sam");
        HandOffNote note = caller.handOffs.getFirst();
        assertThat(note.callerName()).isEqualTo("Jane Smith");
        assertThat(note.wanted()).startsWith("book; drain cleaning; tomorrow");
        assertThat(note.recentLines()).hasSizeLessThanOrEqualTo(6)
                .contains("Caller: Jane Smith", "Caller: actually can I just speak to Sam");
        assertThat(note.recentLines()).anyMatch(l -> l.startsWith("Us: "));
        assertThat(note.channel()).isEqualTo(Channel.SMS);
    }

    @Test
    void aCallOutsideTransferHoursLeavesAMessageStoredAsText() {
        TurnResult asked = caller.voice("can I talk to a real person");
        assertThat(asked.reply()).as(caller.transcript()).contains("Please tell me your message");
        assertThat(caller.handOffs).isEmpty();
        TurnResult left = caller.voice("it's about the quote for the bathroom, please call me after five");
        HandOffNote note = caller.handOffs.getFirst();
        assertThat(note.reason()).isEqualTo("message_left");
        assertThat(note.message()).isEqualTo("it's about the quote for the bathroom, please call me after five");
        assertThat(left.actions()).contains(new DialogAction.NotifyOwner("message_left", "queued"))
                .contains(new DialogAction.EndConversation());
        assertThat(left.reply()).contains("passed your message to Sam");
    }

    @Test
    void aCallWithinOpeningHoursIsPutThroughWhenATransferNumberIsSet() {
        caller.notifier.transfersTo("+447700900555");
        TurnResult r = caller.voice("let me speak to Sam");
        assertThat(r.reply()).as(caller.transcript()).contains("putting you through to Sam");
        assertThat(r.actions()).contains(new DialogAction.TransferCall(), new DialogAction.EndConversation())
                .contains(new DialogAction.NotifyOwner("transfer", "queued"));
    }

    @Test
    void noTransferOutsideOpeningHours() {
        caller.notifier.transfersTo("+447700900555");
        caller.fx.clock().set(caller.at(LocalDateTime.of(2026, 11, 22, 15, 0))); // a Sunday: closed
        TurnResult r = caller.voice("let me speak to Sam");
        assertThat(r.actions()).as(caller.transcript()).noneMatch(a -> a instanceof DialogAction.TransferCall);
        assertThat(r.reply()).contains("Please tell me your message");
    }

    @Test
    void noTransferOnTextChannelsEvenWithANumber() {
        caller.notifier.transfersTo("+447700900555");
        TurnResult r = caller.sms("let me speak to Sam");
        assertThat(r.actions()).noneMatch(a -> a instanceof DialogAction.TransferCall);
    }

    @Test
    void withoutSmsNothingIsPromised() {
        caller.notifier.answerHandOffsWith(AlertReceipt.NOT_CONFIGURED);
        TurnResult r = caller.sms("can I speak to a real person");
        assertThat(r.reply()).as(caller.transcript()).doesNotContainIgnoringCase("text")
                .doesNotContain("let Sam know", "call you back", "alerted");
        assertThat(r.actions()).contains(new DialogAction.NotifyOwner("asked_for_person", "not_configured"));
    }

    @Test
    void aMessageInTheOwnersListIsSaidAsSuch() {
        caller.notifier.answerHandOffsWith(AlertReceipt.RECORDED);
        TurnResult r = caller.sms("can someone call me back");
        assertThat(r.reply()).contains("left a message for Sam").doesNotContain("let Sam know");
        assertThat(r.actions()).contains(new DialogAction.NotifyOwner("call_back", "recorded"));
    }

    @Test
    void aStuckConversationTellsTheOwnerToo() {
        caller.voice("i need a drain cleaning tomorrow at ten am");
        caller.voice("um");
        caller.voice("er");
        TurnResult third = caller.voice("hmm");
        assertThat(third.actions()).as(caller.transcript())
                .contains(new DialogAction.NotifyOwner("not_understood", "queued"));
        assertThat(caller.handOffs).singleElement().satisfies(n -> {
            assertThat(n.wanted()).startsWith("book; drain cleaning");
            assertThat(n.recentLines()).contains("Caller: um", "Caller: er", "Caller: hmm");
        });
    }

    @Test
    void aStuckConversationWithoutSmsPromisesNoCallBack() {
        caller.notifier.answerHandOffsWith(AlertReceipt.NOT_CONFIGURED);
        caller.voice("i need a drain cleaning tomorrow at ten am");
        caller.voice("um");
        caller.voice("er");
        TurnResult third = caller.voice("hmm");
        assertThat(third.state()).isEqualTo(DialogState.HANDED_OFF);
        assertThat(third.reply()).as(caller.transcript()).doesNotContain("call you back", "text");
    }

    @Test
    void aWebVisitorWithNoNumberIsAskedForOneFirst() {
        TurnResult asked = caller.say(Channel.WEB, "web-1", null, "can I speak to a person");
        assertThat(asked.reply()).as(caller.transcript()).contains("what number should Sam call you back on");
        assertThat(caller.handOffs).isEmpty();
        TurnResult done = caller.say(Channel.WEB, "web-1", null, "07700 900456");
        assertThat(caller.handOffs).singleElement()
                .satisfies(n -> assertThat(n.callerPhone()).isEqualTo("+447700900456"));
        assertThat(done.state()).isEqualTo(DialogState.HANDED_OFF);
    }
}
