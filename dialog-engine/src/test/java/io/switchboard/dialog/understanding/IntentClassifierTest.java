package io.switchboard.dialog.understanding;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Intent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IntentClassifierTest {

    private static final BusinessProfile PROFILE = SampleProfiles.bristolPlumbing();
    private final TextNormalizer normalizer = new TextNormalizer();
    private final IntentClassifier classifier = new IntentClassifier();

    private IntentResult classify(String text, Expectation expected) {
        return classifier.classify(normalizer.normalize(text), PROFILE, expected);
    }

    @ParameterizedTest(name = "{1} \"{0}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            i'd like to book a plumber                         | NONE        | BOOK
            have you got anything on friday                    | NONE        | BOOK
            could one of your lads come round                  | NONE        | BOOK
            move my appointment                                | NONE        | RESCHEDULE
            i need to move night appointments                  | NONE        | RESCHEDULE
            can we change the time                             | NONE        | RESCHEDULE
            can we make it 4 instead                           | SLOT_CHOICE | RESCHEDULE
            i need to reschedule                               | NONE        | RESCHEDULE
            cancel my booking please                           | NONE        | CANCEL
            i don't need the plumber anymore                   | NONE        | CANCEL
            please don't cancel it                             | NONE        | UNKNOWN
            are you open on sundays?                           | NONE        | QUESTION
            what's your hourly rate                            | NONE        | QUESTION
            where are you based                                | NONE        | QUESTION
            do you do boiler servicing?                        | NONE        | QUESTION
            speak to someone                                   | NONE        | HUMAN
            can i talk to an actual person                     | YES_NO      | HUMAN
            i want to speak to the owner                       | NONE        | HUMAN
            what's on my schedule tomorrow                     | NONE        | OWNER_BRIEFING
            how many jobs have i got today                     | NONE        | OWNER_BRIEFING
            there's water pouring through the ceiling, the pipe burst | NONE | EMERGENCY
            yes a burst pipe                                   | YES_NO      | EMERGENCY
            yes please                                         | YES_NO      | AFFIRM
            yeah go on then book it                            | SLOT_CHOICE | AFFIRM
            yeah i need to book a plumber                      | NONE        | BOOK
            that's perfect thanks                              | YES_NO      | AFFIRM
            no problem                                         | YES_NO      | AFFIRM
            no thanks                                          | YES_NO      | DENY
            neither of those                                   | SLOT_CHOICE | DENY
            that won't work                                    | YES_NO      | DENY
            nah                                                | YES_NO      | DENY
            not sure                                           | YES_NO      | UNKNOWN
            hiya                                               | NONE        | GREETING
            hi there i need to cancel                          | NONE        | CANCEL
            bye                                                | NONE        | GOODBYE
            nothing else thanks                                | NONE        | GOODBYE
            cheers                                             | NONE        | GOODBYE
            purple monkey dishwasher                           | NONE        | UNKNOWN
            """)
    void classifies(String text, Expectation expected, Intent intent) {
        assertThat(classify(text, expected).intent()).isEqualTo(intent);
    }

    @Test
    void confidenceTellsWhenTheRulesAreSure() {
        assertThat(classify("cancel my appointment", Expectation.NONE).confident()).isTrue();
        assertThat(classify("purple monkey dishwasher", Expectation.NONE).confident()).isFalse();
        IntentResult thanks = classify("thank you", Expectation.NONE);
        assertThat(thanks.intent()).isEqualTo(Intent.GOODBYE);
        assertThat(thanks.confident()).isFalse();
        IntentResult withoutCue = classify("i was thinking about the price of the job and stuff", Expectation.NONE);
        assertThat(withoutCue.intent()).isEqualTo(Intent.QUESTION);
        assertThat(withoutCue.confident()).isFalse();
    }

    @Test
    void emptyInputIsUnknown() {
        assertThat(classifier.classify(normalizer.normalize(""), PROFILE, Expectation.NONE))
                .isEqualTo(new IntentResult(Intent.UNKNOWN, 0, false));
        assertThat(classifier.classify(null, PROFILE, null).intent()).isEqualTo(Intent.UNKNOWN);
    }
}
