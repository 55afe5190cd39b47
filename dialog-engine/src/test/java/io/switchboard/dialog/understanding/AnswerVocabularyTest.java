package io.switchboard.dialog.understanding;

import io.switchboard.models.BusinessProfile;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A grammar phrase is only worth offering a recogniser when the dialog reads it as the answer it asked for. */
class AnswerVocabularyTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, LONDON);
    private final BusinessProfile profile = TestProfiles.sample();
    private final AnswerCheck check = new AnswerCheck(profile, Clock.fixed(NOW.toInstant(), LONDON));

    @ParameterizedTest
    @EnumSource(value = Expectation.Slot.class, names = {"YES_NO", "DATE_TIME", "SERVICE"})
    void everyPhraseOfAClosedListAnswersItsQuestion(Expectation.Slot slot) {
        Expectation asked = Expectation.of(slot);
        List<String> phrases = AnswerVocabulary.phrases(asked, profile);

        assertThat(phrases).isNotEmpty().allMatch(p -> p.equals(p.toLowerCase()) && !p.matches(".*\\d.*"));
        assertThat(phrases).allSatisfy(p -> assertThat(check.answers(asked, p)).as(p).isTrue());
    }

    @Test
    void offeredStartsCanBePickedByPositionOrByTheirTime() {
        Expectation offers = Expectation.offering(List.of(NOW.plusDays(1).withHour(9), NOW.plusDays(1).withHour(14),
                NOW.plusDays(1).withHour(15).withMinute(30)));
        List<String> phrases = AnswerVocabulary.phrases(offers, profile);

        assertThat(phrases).contains("the second one", "the earliest", "nine o'clock", "the two o'clock",
                "three thirty");
        assertThat(phrases).allSatisfy(p -> assertThat(check.answers(offers, p)).as(p).isTrue());
    }

    @Test
    void namesAddressesAndDescriptionsHaveNoClosedList() {
        for (Expectation.Slot slot : List.of(Expectation.Slot.NAME, Expectation.Slot.ADDRESS,
                Expectation.Slot.PROBLEM, Expectation.Slot.NONE)) {
            assertThat(AnswerVocabulary.phrases(Expectation.of(slot), profile)).as(slot.name()).isEmpty();
        }
        assertThat(AnswerVocabulary.phrases(Expectation.PIN, profile)).contains("four", "oh", "double");
    }
}
