package io.switchboard.dialog.understanding;

import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCheckTest {

    private final AnswerCheck check = new AnswerCheck(TestProfiles.sample(),
            Clock.fixed(ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneId.of("Europe/London")).toInstant(),
                    ZoneId.of("Europe/London")));

    @ParameterizedTest(name = "{0}: \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            YES_NO      | yeah                              | true
            YES_NO      | no thanks                         | true
            YES_NO      | well                              | false
            PIN         | four three two one                | true
            PIN         | four three                        | false
            DATE_TIME   | tomorrow morning                  | true
            DATE_TIME   | tuesday at ten o'clock            | true
            DATE_TIME   | tuesday at ten                    | true
            DATE_TIME   | tuesday                           | false
            DATE_TIME   | as soon as possible               | true
            NAME        | my name is john smith             | true
            NAME        | my name is john                   | false
            SERVICE     | my drain is blocked               | true
            SERVICE     | well it's                         | false
            PHONE       | oh seven seven double oh nine double oh one two three | true
            PHONE       | oh seven seven                    | false
            ADDRESS     | twelve park street bristol bs1 5hx | true
            ADDRESS     | twelve park street                | false
            SLOT_CHOICE | the second one                    | true
            SLOT_CHOICE | hmm                               | false
            PROBLEM     | the sink is blocked               | false
            NONE        | no thank you                      | true
            NONE        | i need a drain cleaning           | true
            NONE        | i need a                          | false
            NONE        | well                              | false
            NAME        | yes                               | false
            """)
    void answersOnlyWhatIsCompleteForTheQuestion(Expectation expecting, String partial, boolean complete) {
        assertThat(check.answers(expecting, partial)).isEqualTo(complete);
    }

    /**
     * To the open question, words that are no answer yet may still be a sentence that has ended (a topic, a question,
     * a mishearing the parser cannot place): the words cannot tell. Only words stopping mid-phrase, or a greeting,
     * say the caller is going on; to a closed question anything short of the answer does.
     */
    @ParameterizedTest(name = "{0}: \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            NONE        | i need a drain cleaning           | ANSWERED
            NONE        | my tap is leaking                 | ANSWERED
            NONE        | i need to cancel my appointment   | CANNOT_TELL
            NONE        | what time do you open             | CANNOT_TELL
            NONE        | my chapters waiting               | CANNOT_TELL
            NONE        | hi there                          | NOT_YET
            NONE        | hello                             | NOT_YET
            NONE        | i need a                          | NOT_YET
            NONE        | i would                           | NOT_YET
            NONE        | no thank you                      | ANSWERED
            YES_NO      | yes it is                         | ANSWERED
            YES_NO      | no                                | ANSWERED
            YES_NO      | yes and                           | NOT_YET
            PIN         | one two three oh                  | ANSWERED
            NAME        | my name is john smith and         | NOT_YET
            NONE        | my boiler and                     | NOT_YET
            NONE        | well                              | NOT_YET
            NONE        | erm                               | NOT_YET
            DATE_TIME   | tuesday                           | NOT_YET
            DATE_TIME   | can you come tomorrow at twelve   | CANNOT_TELL
            DATE_TIME   | tuesday at 10                     | CANNOT_TELL
            DATE_TIME   | can you come tomorrow at twelve thirty | ANSWERED
            DATE_TIME   | tomorrow at half past two         | ANSWERED
            DATE_TIME   | tuesday at ten am                 | ANSWERED
            DATE_TIME   | wednesday the second at two o'clock | ANSWERED
            NAME        | my name is john                   | NOT_YET
            ADDRESS     | one hundred high                  | NOT_YET
            PROBLEM     | the sink is blocked               | NOT_YET
            """)
    void toTheOpenQuestionWordsThatMayHaveEndedCannotTell(Expectation expecting, String partial,
            AnswerCheck.Progress progress) {
        assertThat(check.progress(expecting, partial)).isEqualTo(progress);
    }

    @org.junit.jupiter.api.Test
    void aPickIsReadAgainstTheOffersTheTurnCarried() {
        ZonedDateTime tomorrow8 = ZonedDateTime.of(2026, 11, 24, 8, 0, 0, 0, ZoneId.of("Europe/London"));
        Expectation offers = Expectation.offering(java.util.List.of(tomorrow8, tomorrow8.plusMinutes(30),
                tomorrow8.plusHours(1)));

        assertThat(check.answers(offers, "3")).isTrue();
        assertThat(check.answers(offers, "the half eight")).isTrue();
        assertThat(check.answers(offers, "erm")).isFalse();
        assertThat(AnswerCheck.applies(offers)).isTrue();
        assertThat(AnswerCheck.applies(Expectation.PROBLEM)).isFalse();
    }
}
