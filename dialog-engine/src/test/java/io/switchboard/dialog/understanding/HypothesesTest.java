package io.switchboard.dialog.understanding;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Intent;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HypothesesTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneId.of("Europe/London"));
    private final BusinessProfile profile = TestProfiles.sample();
    private final Hypotheses hypotheses = new Hypotheses(new LanguageUnderstanding());

    private UnderstandingContext asked(Expectation e) {
        return new UnderstandingContext(NOW, profile, e, List.of());
    }

    @Test
    void aLowerHypothesisThatAnswersTheQuestionWinsOverTheRecognisersChoice() {
        Understanding u = hypotheses.understand("the my last", List.of("the my last", "tomorrow at two pm",
                "to morrow at two"), asked(Expectation.DATE_TIME));

        assertThat(u.times()).isNotEmpty();
        assertThat(u.times().get(0).date()).isEqualTo(NOW.toLocalDate().plusDays(1));
        assertThat(u.original()).isEqualTo("tomorrow at two pm");
    }

    @Test
    void theRecognisersChoiceStandsWhenItAnswers() {
        Understanding u = hypotheses.understand("yes", List.of("yes", "no"), asked(Expectation.YES_NO));

        assertThat(u.intent()).isEqualTo(Intent.AFFIRM);
    }

    @Test
    void theRecognisersChoiceStandsWhenNoHypothesisAnswers() {
        Understanding u = hypotheses.understand("well hmm", List.of("well hmm", "we'll um"), asked(Expectation.YES_NO));

        assertThat(u.original()).isEqualTo("well hmm");
    }

    @Test
    void anOpenQuestionNeverTakesALowerHypothesis() {
        // an open "how can I help?": a lower hypothesis must not turn a remark into an emergency
        Understanding u = hypotheses.understand("my pipe is okay", List.of("my pipe is okay", "my pipe burst"),
                asked(Expectation.NONE));

        assertThat(u.original()).isEqualTo("my pipe is okay");
        assertThat(u.emergency()).isFalse();
    }

    @Test
    void textWithoutAlternativesIsReadAsTyped() {
        Understanding u = hypotheses.understand("sorry jones", List.of(), asked(Expectation.NAME));

        assertThat(u.original()).isEqualTo("sorry jones");
    }

    @Test
    void aNameOfCommonNamesBelowWinsOverOneThatTookTheNextWord() {
        Understanding u = hypotheses.understand("my name is johnson said", List.of("my name is johnson said",
                "my name is john said", "my name is john smith"), asked(Expectation.NAME));

        assertThat(u.name()).contains("John Smith");
    }

    @Test
    void aReadBacksNoKeepsItsIntentWhenTheCommonerNameIsTaken() {
        Understanding u = hypotheses.understand("no my name is kate mara", List.of("no my name is kate mara",
                "yes my name is kate moore", "no my name is kate moore"), asked(Expectation.YES_NO));

        assertThat(u.intent()).isEqualTo(Intent.DENY);
        assertThat(u.name()).contains("Kate Moore");
    }

    @Test
    void aCorrectionWhoseNoWasMisheardStillTakesTheCommonerName() {
        // "no my name is john smith" at a read-back, heard as "i know …": no hypothesis is a yes or a no, and the
        // recogniser's choice stays a correction; its name is weighed like any other
        Understanding first = new LanguageUnderstanding().understand("i know my name is john said",
                asked(Expectation.YES_NO));
        Understanding u = hypotheses.understand("i know my name is john said", List.of("i know my name is john said",
                "i know my name is jean said", "i know my name is john smith"), asked(Expectation.YES_NO));

        assertThat(Hypotheses.answers(first, Expectation.YES_NO)).isFalse();
        assertThat(u.intent()).isEqualTo(first.intent());
        assertThat(u.name()).contains("John Smith");
    }

    @Test
    void aRareNameHeardRightStaysWhenNoLowerHypothesisIsAllCommonNames() {
        Understanding u = hypotheses.understand("my name is ngozi okafor", List.of("my name is ngozi okafor",
                "my name is no go see okafor"), asked(Expectation.NAME));

        assertThat(u.name()).contains("Ngozi Okafor");
    }

    @Test
    void namesAreNotWeighedWhereNoNameWasAskedFor() {
        Understanding u = hypotheses.understand("tomorrow at two for johnson said", List.of(
                "tomorrow at two for johnson said", "tomorrow at two for john smith"), asked(Expectation.DATE_TIME));

        assertThat(u.original()).isEqualTo("tomorrow at two for johnson said");
    }
}
