package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the voice path adds to a conversation: the recogniser's other hypotheses, the one read-back of what is easy
 * to mishear, and the keypad for a date.
 */
class VoiceRecognitionConversationTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    private final CallerScript caller = new CallerScript();

    @AfterEach
    void close() {
        caller.close();
    }

    @Test
    void theHypothesisThatAnswersTheQuestionIsTakenOverTheRecognisersFirstGuess() {
        TurnResult asked = caller.voice("i need a general repair");
        assertThat(asked.expecting()).as(caller.transcript()).isEqualTo(Expectation.DATE_TIME);

        TurnResult r = caller.engine.handle(TurnRequest.text(Channel.VOICE, "CA-call-1", CallerScript.CALLER,
                "the my last").withAlternatives(List.of("the my last", "i am i wrong", "tomorrow at two pm")));

        assertThat(r.slots().date()).as(caller.transcript()).isEqualTo(TUESDAY);
    }

    @Test
    void theVoiceConfirmationReadsBackTheNameAndSpellsThePostcode() {
        caller.voice("i need a general repair tomorrow at nine a m");
        caller.voice("my name is sarah donnelly");
        caller.voice("yes");
        TurnResult confirm = caller.voice("fourteen gloucester road bristol bs7 8aa");

        assertThat(confirm.state()).as(caller.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
        assertThat(confirm.reply()).contains("for Sarah Donnelly").contains("B S 7, 8 A A")
                .endsWith("Shall I book it?");
    }

    @Test
    void textConfirmationsAreUnchanged() {
        caller.sms("I need a general repair tomorrow at 9am");
        caller.sms("Sarah Donnelly");
        caller.sms("yes");
        TurnResult confirm = caller.sms("14 Gloucester Road, Bristol BS7 8AA");

        assertThat(confirm.reply()).as(caller.transcript()).doesNotContain("Sarah").contains("BS7 8AA");
    }

    @Test
    void aDateKeyedDayThenMonthAnswersWhen() {
        caller.voice("i need a general repair");
        TurnResult r = caller.keys(Channel.VOICE, "CA-call-1", CallerScript.CALLER, "2411");

        assertThat(r.state()).as(caller.transcript()).isIn(DialogState.OFFERING, DialogState.COLLECTING);
        assertThat(r.slots().date()).as(caller.transcript()).isEqualTo(TUESDAY);
    }
}
