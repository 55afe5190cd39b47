package io.switchboard.media.stt;

import io.switchboard.dialog.phrasing.SpokenNumbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dates a caller may name for a booking, as they say them ("tuesday the first", "the second of december"), for
 * the grammar pass on "when?". The dialog's own list carries days by name ("tomorrow", "next tuesday") with a time;
 * a date said by its day of the month had no phrase, so the grammar could not hold it and the open pass was left
 * alone with it: it heard "tuesday the first" as "tuesday the thursday" and the load generator's callers of the second
 * week did not book. The grammar joins these with the time phrases around them ("tuesday the first" + "at twelve
 * thirty"), so the times are given here alone too. Dates run from tomorrow to the end of the booking horizon and
 * change with the day, so {@link ExpectedSpeech} rebuilds them when the date moves on.
 */
final class SpokenDateVocabulary {

    /** Ordinals are unique within a month: past it "the first" would name two dates. */
    private static final int MOST_DAYS = 31;
    /** Bare "morning" or "evening" let the grammar hear "tuesday the" as "evening": parts come with "in the". */
    private static final List<String> TIMES_ALONE = List.of("in the morning", "in the afternoon", "in the evening");
    private static final String[] HOURS = {"twelve", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven"};

    private SpokenDateVocabulary() {
    }

    /** Phrases for the dates after {@code today} up to {@code horizonDays} ahead, and times to follow them. */
    static List<String> phrases(LocalDate today, long horizonDays) {
        List<String> out = new ArrayList<>();
        for (int d = 1; d <= Math.min(horizonDays, MOST_DAYS); d++) {
            LocalDate date = today.plusDays(d);
            String weekday = date.getDayOfWeek().name().toLowerCase(Locale.ROOT);
            String ordinal = SpokenNumbers.ordinal(date.getDayOfMonth());
            String month = date.getMonth().name().toLowerCase(Locale.ROOT);
            out.add(weekday + " the " + ordinal);
            out.add(weekday + " the " + ordinal + " of " + month);
            out.add("the " + ordinal + " of " + month);
        }
        out.addAll(TIMES_ALONE);
        for (String hour : HOURS) {
            out.add("at " + hour);
        }
        return List.copyOf(out);
    }
}
