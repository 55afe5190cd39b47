package io.switchboard.dialog.understanding;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The date rules checked over every weekday said on every day of two weeks, and counts said as digits and as words:
 * thousands of phrasings generated from a handful of ways of saying each thing, each held to the documented rule.
 */
class SpokenDatesPropertiesTest {

    private static final String[] NUMBER_WORDS = {"", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty", "twenty one", "twenty two", "twenty three", "twenty four", "twenty five",
            "twenty six", "twenty seven", "twenty eight", "twenty nine", "thirty"};
    private static final String[] ORDINAL_WORDS = {"", "first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
            "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second",
            "twenty third", "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh", "twenty eighth",
            "twenty ninth", "thirtieth", "thirty first"};

    private final TextNormalizer normalizer = new TextNormalizer();
    private final DateTimeExtractor extractor = new DateTimeExtractor();
    private final List<String> failures = new ArrayList<>();
    private int checked;

    private List<TimePreference> read(String text, LocalDate today) {
        ZonedDateTime now = today.atTime(9, 0).atZone(SampleProfiles.LONDON);
        return extractor.extract(normalizer.normalize(text).text(), now);
    }

    private void expectDay(String text, LocalDate today, LocalDate expected) {
        checked++;
        List<TimePreference> got = read(text, today);
        if (got.size() != 1 || !expected.equals(got.get(0).date()) || got.get(0).lastDate() != null) {
            failures.add("on " + today + " \"" + text + "\": expected " + expected + ", got " + got);
        }
    }

    private static List<LocalDate> twoWeeks() {
        List<LocalDate> days = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            days.add(LocalDate.of(2026, 11, 23).plusDays(d));
        }
        return days;
    }

    private static String said(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    @Test
    void aWeekdayOfNextWeekIsInTheNextCalendarWeek() {
        for (LocalDate today : twoWeeks()) {
            LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            for (DayOfWeek day : DayOfWeek.values()) {
                LocalDate expected = nextMonday.with(TemporalAdjusters.nextOrSame(day));
                for (String form : List.of("next week %s", "%s next week", "%s of next week", "next week on %s",
                        "um next week maybe %s?", "nxt wk %s pls")) {
                    expectDay(form.formatted(said(day)), today, expected);
                }
            }
        }
        assertThat(failures).as("%d checked", checked).isEmpty();
    }

    @Test
    void aWeekOnAWeekdayIsAWeekAfterTheComingOne() {
        for (LocalDate today : twoWeeks()) {
            for (DayOfWeek day : DayOfWeek.values()) {
                LocalDate expected = today.with(TemporalAdjusters.next(day)).plusWeeks(1);
                for (String form : List.of("a week on %s", "%s week", "a week on %s please")) {
                    expectDay(form.formatted(said(day)), today, expected);
                }
                expectDay("a fortnight on " + said(day), today, today.with(TemporalAdjusters.next(day)).plusWeeks(2));
            }
        }
        assertThat(failures).as("%d checked", checked).isEmpty();
    }

    @Test
    void countedDaysAndWeeksAsDigitsAndAsWords() {
        for (LocalDate today : twoWeeks()) {
            for (int n = 1; n <= 30; n++) {
                for (String count : List.of(String.valueOf(n), NUMBER_WORDS[n])) {
                    expectDay("in " + count + (n == 1 ? " day" : " days"), today, today.plusDays(n));
                    expectDay(count + " days from now", today, today.plusDays(n));
                    if (n <= 6) {
                        expectDay("in " + count + (n == 1 ? " week" : " weeks") + " time", today, today.plusWeeks(n));
                        expectDay(count + (n == 1 ? " week" : " weeks") + " today", today, today.plusWeeks(n));
                    }
                }
            }
            expectDay("in a fortnight", today, today.plusWeeks(2));
            expectDay("a fortnight tomorrow", today, today.plusDays(15));
        }
        assertThat(failures).as("%d checked", checked).isEmpty();
    }

    @Test
    void ordinalDaysAreTheNextSuchDay() {
        for (LocalDate today : twoWeeks()) {
            for (int n = 1; n <= 31; n++) {
                LocalDate expected = null;
                for (int ahead = 0; expected == null; ahead++) {
                    LocalDate month = today.withDayOfMonth(1).plusMonths(ahead);
                    if (n <= month.lengthOfMonth() && !month.withDayOfMonth(n).isBefore(today)) {
                        expected = month.withDayOfMonth(n);
                    }
                }
                expectDay("the " + ORDINAL_WORDS[n], today, expected);
                expectDay("the " + TimeWords.ordinal(n), today, expected);
                expectDay("on the " + TimeWords.ordinal(n) + " please", today, expected);
            }
        }
        assertThat(failures).as("%d checked", checked).isEmpty();
    }

    @Test
    void twoNeighbouringDaysAsAlternativesAreNeverFromDifferentWeeks() {
        for (LocalDate today : twoWeeks()) {
            for (DayOfWeek first : DayOfWeek.values()) {
                if (first == DayOfWeek.SUNDAY) {
                    continue; // Sunday or Monday spans two calendar weeks by definition
                }
                DayOfWeek second = first.plus(1);
                String text = said(first) + " afternoon or " + said(second) + " morning";
                List<TimePreference> got = read(text, today);
                checked++;
                boolean ok = got.size() == 2 && got.get(0).date() != null && got.get(1).date() != null
                        && got.get(1).date().equals(got.get(0).date().plusDays(1))
                        && !got.get(0).date().isBefore(today) && got.get(0).date().isBefore(today.plusDays(8));
                if (!ok) {
                    failures.add("on " + today + " \"" + text + "\": " + got);
                }
            }
        }
        assertThat(failures).as("%d checked", checked).isEmpty();
    }
}
