package io.switchboard.dialog.understanding;

import io.switchboard.models.PartOfDay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DateTimeExtractorTest {

    private final TextNormalizer normalizer = new TextNormalizer();
    private final DateTimeExtractor extractor = new DateTimeExtractor();

    private List<TimePreference> extract(String text, ZonedDateTime now) {
        return extractor.extract(normalizer.normalize(text).text(), now);
    }

    private String describe(String text, ZonedDateTime now) {
        return PhrasingTableTest.describe(extract(text, now));
    }

    @ParameterizedTest(name = "on {0}: \"{1}\" is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-21 | thursday           | 2026-11-26
            2026-11-21 | this thursday      | 2026-11-26
            2026-11-21 | next thursday      | 2026-11-26
            2026-11-23 | thursday           | 2026-11-26
            2026-11-23 | this thursday      | 2026-11-26
            2026-11-23 | next thursday      | 2026-12-03
            2026-11-26 | thursday           | 2026-12-03
            2026-11-26 | this thursday      | 2026-11-26
            2026-11-26 | next thursday      | 2026-12-03
            2026-11-22 | next monday        | 2026-11-23
            2026-11-22 | monday             | 2026-11-23
            2026-11-21 | next saturday      | 2026-11-28
            2026-11-21 | saturday           | 2026-11-28
            2026-11-21 | this saturday      | 2026-11-21
            2026-11-21 | next weekend       | 2026-11-28
            """)
    void weekdaysFollowTheDocumentedRule(LocalDate today, String text, LocalDate expected) {
        ZonedDateTime now = today.atTime(10, 0).atZone(SampleProfiles.LONDON);
        assertThat(extract(text, now)).singleElement().extracting(TimePreference::date).isEqualTo(expected);
    }

    @ParameterizedTest(name = "on {0}: \"{1}\" is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-19 | tomorrow week at 2pm         | 2026-11-27
            2026-11-19 | tmrw week in the afternoon   | 2026-11-27
            2026-11-25 | are you free tomorrow week   | 2026-12-03
            2026-11-19 | a week tomorrow              | 2026-11-27
            2026-11-19 | today week                   | 2026-11-26
            2026-11-19 | tomorrow                     | 2026-11-20
            """)
    void aDayThenWeekIsAWeekAfterThatDay(LocalDate today, String text, LocalDate expected) {
        ZonedDateTime now = today.atTime(10, 0).atZone(SampleProfiles.LONDON);
        assertThat(extract(text, now)).singleElement().extracting(TimePreference::date).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            at 1          | 13:00
            at 7          | 19:00
            at 8          | 08:00
            at 11         | 11:00
            at 12         | 12:00
            at 12:30      | 12:30
            at 3:30       | 15:30
            at 7:45       | 19:45
            at 07:45      | 07:45
            at 8 pm       | 20:00
            at 12 am      | 00:00
            at 3 am       | 03:00
            at 17         | 17:00
            at 11pm       | 23:00
            """)
    void bareHoursLeanTowardsBusinessHours(String text, LocalTime expected) {
        assertThat(extract(text, SampleProfiles.NOW)).singleElement()
                .extracting(TimePreference::time).isEqualTo(expected);
    }

    @Test
    void partOfDayDecidesAmOrPm() {
        assertThat(describe("friday afternoon at 2", SampleProfiles.NOW)).isEqualTo("2026-11-27 14:00 AFTERNOON");
        assertThat(describe("11 in the morning", SampleProfiles.NOW)).isEqualTo("11:00 MORNING");
        assertThat(describe("7 in the morning", SampleProfiles.NOW)).isEqualTo("07:00 MORNING");
        assertThat(describe("6 in the evening", SampleProfiles.NOW)).isEqualTo("18:00 EVENING");
    }

    @Test
    void pastDatesRollForward() {
        assertThat(describe("the 20th", SampleProfiles.NOW)).isEqualTo("2026-12-20");
        assertThat(describe("the 21st", SampleProfiles.NOW)).isEqualTo("2026-11-21");
        assertThat(describe("the 31st", SampleProfiles.NOW)).isEqualTo("2026-12-31");
        assertThat(describe("march 3rd", SampleProfiles.NOW)).isEqualTo("2027-03-03");
        assertThat(describe("the 30th", ZonedDateTime.parse("2027-01-31T09:00Z[Europe/London]")))
                .isEqualTo("2027-03-30");
        assertThat(describe("29/2", SampleProfiles.NOW)).isEqualTo("2028-02-29");
        assertThat(describe("23/11/2026", SampleProfiles.NOW)).isEqualTo("2026-11-23");
    }

    @Test
    void invalidDatesAreIgnored() {
        assertThat(extract("31/2", SampleProfiles.NOW)).isEmpty();
        assertThat(extract("45/13", SampleProfiles.NOW)).isEmpty();
        assertThat(extract("the 45th", SampleProfiles.NOW)).isEmpty();
    }

    @Test
    void numbersWithoutATimeCueAreNotHours() {
        assertThat(extract("i have 2 taps leaking", SampleProfiles.NOW)).isEmpty();
        assertThat(extract("call me back in 10 minutes", SampleProfiles.NOW)).isEmpty();
        assertThat(extract("it is 3 years old", SampleProfiles.NOW)).isEmpty();
        assertThat(extract("number 12", SampleProfiles.NOW)).isEmpty();
        assertThat(extract("my flat is on the 2nd floor", SampleProfiles.NOW)).isEmpty();
        assertThat(extract("good morning", SampleProfiles.NOW)).isEmpty();
        assertThat(extract("morning i have a leak", SampleProfiles.NOW)).isEmpty();
        assertThat(extract("i am on my way", SampleProfiles.NOW)).isEmpty();
    }

    @Test
    void aBareNumberIsAnHourWhenATimeWasAsked() {
        String text = normalizer.normalize("4").text();
        assertThat(extractor.extract(text, SampleProfiles.NOW)).isEmpty();
        assertThat(extractor.extract(text, SampleProfiles.NOW, true)).singleElement()
                .extracting(TimePreference::time).isEqualTo(LocalTime.of(16, 0));
    }

    @Test
    void alternativesShareTheirDay() {
        List<TimePreference> prefs = extract("friday at 10 or 2", SampleProfiles.NOW);
        assertThat(prefs).extracting(TimePreference::date)
                .containsExactly(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 27));
        assertThat(prefs).extracting(TimePreference::time).containsExactly(LocalTime.of(10, 0), LocalTime.of(14, 0));
    }

    @Test
    void rangeEndAfterItsStart() {
        assertThat(describe("between 6 and 8", SampleProfiles.NOW)).isEqualTo(">18:00 <20:00");
        assertThat(describe("between 11 and 1", SampleProfiles.NOW)).isEqualTo(">11:00 <13:00");
        assertThat(describe("between 9 and 5", SampleProfiles.NOW)).isEqualTo(">09:00 <17:00");
    }

    @Test
    void theLastTimeSaidWinsWithinOneAlternative() {
        assertThat(describe("at 2 actually make it 3", SampleProfiles.NOW)).isEqualTo("15:00");
    }

    @Test
    void startInTheBusinessZoneAcrossTheSpringGap() {
        TimePreference pref = new TimePreference(LocalDate.of(2026, 3, 29), LocalTime.of(1, 30), null, null, null,
                false, false);
        assertThat(pref.startIn(SampleProfiles.LONDON)).hasValueSatisfying(start -> {
            assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(2, 30));
            assertThat(start.getOffset().getTotalSeconds()).isEqualTo(3600);
        });
        assertThat(TimePreference.asSoonAsPossible().startIn(SampleProfiles.LONDON)).isEmpty();
    }

    @Test
    void nowInAnotherZoneIsReadByTheCallerOfTheExtractor() {
        // The facade converts; the extractor takes "now" as given, so the day is the zone's own.
        ZonedDateTime lateUtc = ZonedDateTime.parse("2026-06-30T23:30Z[UTC]");
        assertThat(describe("tomorrow", lateUtc)).isEqualTo("2026-07-01");
        assertThat(describe("tomorrow", lateUtc.withZoneSameInstant(SampleProfiles.LONDON))).isEqualTo("2026-07-02");
    }

    @Test
    void emptyInputGivesNothing() {
        assertThat(extractor.extract(null, SampleProfiles.NOW)).isEmpty();
        assertThat(extractor.extract("", SampleProfiles.NOW)).isEmpty();
        assertThat(extractor.extract("tomorrow", null)).isEmpty();
        assertThat(extract("or or or either", SampleProfiles.NOW)).isEmpty();
    }

    @Test
    void partOfDayAlone() {
        assertThat(extract("afternoons are best", SampleProfiles.NOW)).singleElement()
                .extracting(TimePreference::partOfDay).isEqualTo(PartOfDay.AFTERNOON);
    }

    @Test
    void aBareNumberIsALowConfidenceReadingForTheResolver() {
        String text = normalizer.normalize("3").text();
        assertThat(extractor.read(text, SampleProfiles.NOW, true)).singleElement().satisfies(r -> {
            assertThat(r.preference().time()).isEqualTo(LocalTime.of(15, 0));
            assertThat(r.bareNumber()).isTrue();
            assertThat(r.confidence()).isEqualTo(DateTimeExtractor.BARE_NUMBER);
            assertThat(r.span()).isEqualTo(new Span(0, 1));
        });
        assertThat(extractor.read(normalizer.normalize("at 3").text(), SampleProfiles.NOW, true)).singleElement()
                .satisfies(r -> {
                    assertThat(r.bareNumber()).isFalse();
                    assertThat(r.confidence()).isEqualTo(DateTimeExtractor.CUED);
                });
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"its flat four", "flat 4", "it's number 7",
            "unit 3", "house number 12", "option 2"})
    void aNumberThatLabelsSomethingIsNeverAnHour(String text) {
        assertThat(extractor.extract(normalizer.normalize(text).text(), SampleProfiles.NOW, true)).isEmpty();
    }

    @Test
    void readingsCarryTheWordsTheyUsed() {
        String text = normalizer.normalize("leaking pipe, sat 28th at 10am").text();
        assertThat(extractor.read(text, SampleProfiles.NOW, false)).singleElement()
                .satisfies(r -> assertThat(r.span().in(text)).isEqualTo("saturday 28th at 10 am"));
        String two = normalizer.normalize("Thursday afternoon or Friday morning").text();
        List<DateTimeExtractor.Reading> readings = extractor.read(two, SampleProfiles.NOW, false);
        assertThat(readings).extracting(r -> r.span().in(two)).containsExactly("thursday afternoon", "friday morning");
        assertThat(readings.get(0).span().overlaps(readings.get(1).span())).isFalse();
    }

    @Test
    void aDateBeyondTheBookingHorizonIsStillThatDate() {
        // Never another day, never an hour: the flow says it is too far ahead and offers the nearest days.
        assertThat(describe("14 February", SampleProfiles.NOW)).isEqualTo("2027-02-14");
        assertThat(describe("could you do the 14th of feb at 2", SampleProfiles.NOW)).isEqualTo("2027-02-14 14:00");
    }

    @Test
    void aStretchOfDaysHasItsFirstAndLastDay() {
        TimePreference week = extract("next week sometime", SampleProfiles.NOW).get(0);
        assertThat(week.isDateRange()).isTrue();
        assertThat(week.date()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(week.lastDate()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(week.withDate(LocalDate.of(2026, 11, 25)).isDateRange()).isFalse();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"it has been leaking for a fortnight",
            "i had it fixed 2 weeks ago", "it lasts for a week", "every fortnight"})
    void durationsAreNotDates(String text) {
        assertThat(extract(text, SampleProfiles.NOW)).isEmpty();
    }
}
