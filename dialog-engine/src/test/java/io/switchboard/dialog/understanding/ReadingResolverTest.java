package io.switchboard.dialog.understanding;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Intent;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The arbitration between extractors: one reading per word, the expectation deciding between equals. */
class ReadingResolverTest {

    private static final BusinessProfile PROFILE = SampleProfiles.bristolPlumbing();
    private static final ZonedDateTime MONDAY_8 = SampleProfiles.NOW.plusDays(2).withHour(8);
    private static final List<ZonedDateTime> OFFERS = List.of(MONDAY_8, MONDAY_8.plusMinutes(30), MONDAY_8.plusHours(1));

    private final LanguageUnderstanding rules = new LanguageUnderstanding();

    private Understanding read(String text, Expectation expected, List<ZonedDateTime> offers) {
        return rules.understand(text, new UnderstandingContext(SampleProfiles.NOW, PROFILE, expected, offers));
    }

    @Test
    void aBareNumberAfterOffersIsAPickNotAClockTime() {
        Understanding u = read("3", Expectation.SLOT_CHOICE, OFFERS);
        assertThat(u.choice()).hasValue(2);
        assertThat(u.times()).isEmpty();
    }

    @Test
    void aNumberWithAMeridiemAfterOffersIsAClockTime() {
        Understanding u = read("3 pm", Expectation.SLOT_CHOICE, OFFERS);
        assertThat(u.choice()).isEmpty();
        assertThat(u.times()).singleElement().satisfies(t -> assertThat(t.time()).isEqualTo(LocalTime.of(15, 0)));
    }

    @Test
    void aFlatNumberIsAddressAndTheRestIsStillATime() {
        Understanding u = read("flat 4 tomorrow at 3", Expectation.NONE, List.of());
        assertThat(u.address()).hasValue("Flat 4");
        assertThat(u.times()).singleElement().satisfies(t -> {
            assertThat(t.date()).isEqualTo(SampleProfiles.NOW.toLocalDate().plusDays(1));
            assertThat(t.time()).isEqualTo(LocalTime.of(15, 0));
        });
    }

    @Test
    void aFlatNumberAloneIsNeverATime() {
        Understanding u = read("no its flat four", Expectation.YES_NO, List.of());
        assertThat(u.address()).hasValue("Flat 4");
        assertThat(u.times()).isEmpty();
    }

    @Test
    void aDigitRunInAPhoneAnswerIsOnlyAPhone() {
        Understanding u = read("07700 900 444", Expectation.PHONE, List.of());
        assertThat(u.phone()).hasValue("+447700900444");
        assertThat(u.times()).isEmpty();
    }

    @Test
    void aNameIsNeverAnFaqQuestion() {
        Understanding u = read("will cash", Expectation.NAME, List.of());
        assertThat(u.name()).hasValue("Will Cash");
        assertThat(u.intent()).isNotEqualTo(Intent.QUESTION);
        assertThat(u.faq()).isEmpty();
    }

    @Test
    void aDayThatIsAlsoAnFaqKeywordIsADay() {
        Understanding u = read("leaking pipe, sat 28th at 10am", Expectation.NONE, List.of());
        assertThat(u.intent()).isEqualTo(Intent.BOOK);
        assertThat(u.times()).singleElement().satisfies(t -> assertThat(t.time()).isEqualTo(LocalTime.of(10, 0)));
    }

    @Test
    void aQuestionKeepsItsSlots() {
        Understanding u = read("how much is a tankless install on thursday afternoon?", Expectation.NONE, List.of());
        assertThat(u.intent()).isEqualTo(Intent.QUESTION);
        assertThat(u.faq().map(f -> f.topic())).isEqualTo(Optional.of("prices"));
        assertThat(u.service().map(s -> s.id())).hasValue("tankless-installation");
        assertThat(u.times()).hasSize(1);
    }
}
