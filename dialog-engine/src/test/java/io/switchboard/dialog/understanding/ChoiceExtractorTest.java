package io.switchboard.dialog.understanding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ChoiceExtractorTest {

    /** Monday 10:00, Monday 15:00, Tuesday 09:00. */
    private static final List<ZonedDateTime> OFFERED = List.of(
            ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, SampleProfiles.LONDON),
            ZonedDateTime.of(2026, 11, 23, 15, 0, 0, 0, SampleProfiles.LONDON),
            ZonedDateTime.of(2026, 11, 24, 9, 0, 0, 0, SampleProfiles.LONDON));

    private final TextNormalizer normalizer = new TextNormalizer();
    private final ChoiceExtractor choices = new ChoiceExtractor();

    @Test
    void aWeekdaySaidOnThatWeekdayPicksTodaysOffer() {
        // Saturday 10:00: "sat at 4pm" reads as a week today, but an offer of today at 4 settles which Saturday
        List<ZonedDateTime> todayAndMonday = List.of(
                ZonedDateTime.of(2026, 11, 21, 16, 0, 0, 0, SampleProfiles.LONDON),
                ZonedDateTime.of(2026, 11, 23, 16, 0, 0, 0, SampleProfiles.LONDON));
        assertThat(choose("sat at 4pm works", todayAndMonday)).map(ChoiceExtractor.Choice::index).contains(0);
        assertThat(choose("monday at 4pm", todayAndMonday)).map(ChoiceExtractor.Choice::index).contains(1);
        List<ZonedDateTime> bothSaturdays = List.of(todayAndMonday.get(0),
                ZonedDateTime.of(2026, 11, 28, 16, 0, 0, 0, SampleProfiles.LONDON));
        assertThat(choose("sat at 4pm", bothSaturdays)).as("both Saturdays offered: still ambiguous")
                .map(ChoiceExtractor.Choice::index).isNotEqualTo(Optional.of(0));
        assertThat(choose("next sat at 4pm", bothSaturdays)).map(ChoiceExtractor.Choice::index).contains(1);
    }

    private Optional<ChoiceExtractor.Choice> choose(String text, List<ZonedDateTime> offered) {
        return choices.choose(normalizer.normalize(text).text(), offered, SampleProfiles.NOW);
    }

    @ParameterizedTest(name = "\"{0}\" -> option {1}")
    @CsvSource(delimiter = '|', textBlock = """
            the first one               | 0
            first                       | 0
            the second                  | 1
            the second one please       | 1
            option 2                    | 1
            option two                  | 1
            number three                | 2
            the third                   | 2
            the last one                | 2
            the 3 o'clock one           | 1
            three o'clock please        | 1
            3pm                         | 1
            15:00                       | 1
            the tuesday one             | 2
            tuesday at 9                | 2
            the monday morning one      | 0
            the earlier one             | 0
            the latest                  | 2
            2                           | 1
            either is fine              | 0
            """)
    void picksAnOffer(String text, int index) {
        assertThat(choose(text, OFFERED)).map(ChoiceExtractor.Choice::index).contains(index);
    }

    @Test
    void aBareNumberThatIsAnOfferedHourMeansThatHour() {
        List<ZonedDateTime> offered = List.of(
                ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, SampleProfiles.LONDON),
                ZonedDateTime.of(2026, 11, 23, 11, 0, 0, 0, SampleProfiles.LONDON),
                ZonedDateTime.of(2026, 11, 23, 14, 0, 0, 0, SampleProfiles.LONDON));
        assertThat(choose("2", offered)).map(ChoiceExtractor.Choice::index).contains(2);
        assertThat(choose("the later one", offered.subList(0, 2))).map(ChoiceExtractor.Choice::index).contains(1);
    }

    @Test
    void saysHowTheChoiceWasMade() {
        assertThat(choose("the second", OFFERED)).contains(new ChoiceExtractor.Choice(1, true));
        assertThat(choose("the tuesday one", OFFERED)).contains(new ChoiceExtractor.Choice(2, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"neither", "none of those", "option 7", "the fifth one", "wednesday", "at 4",
            "the monday one", "hmm", ""})
    void picksNothingWhenNothingFits(String text) {
        assertThat(choose(text, OFFERED)).isEmpty();
    }

    @Test
    void nothingOfferedNothingChosen() {
        assertThat(choose("the first one", List.of())).isEmpty();
        assertThat(choices.choose("the first one", null, SampleProfiles.NOW)).isEmpty();
    }
}
