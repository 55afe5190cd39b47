package io.switchboard.dialog.understanding;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which words a time reading or an offer pick stands on. The date/time rules say what a message means, not which
 * words they used; these vocabularies mark those words so that competing readings (a name, an FAQ keyword such as
 * "saturday", a flat number) can be told apart from them.
 */
final class ReadingWords {

    private static final Set<String> WHEN = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mondays", "tuesdays",
            "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "january", "february", "march", "april",
            "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today", "tomorrow", "tonight", "tmrw", "morning",
            "afternoon", "evening", "noon", "midday", "midnight", "lunch", "lunchtime", "am", "pm", "oclock", "half",
            "quarter", "weekend", "fortnight", "week", "weeks", "asap", "earliest", "soonest", "ish");
    /** Words that make a time reading more than a bare number. */
    private static final Set<String> STRONG_WHEN = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "today", "tomorrow", "tonight", "tmrw", "morning", "afternoon", "evening", "noon",
            "midday", "midnight", "lunch", "lunchtime", "am", "pm", "oclock", "weekend", "fortnight", "week", "weeks",
            "asap", "earliest", "soonest", "january", "february", "march", "april", "june", "july", "august",
            "september", "october", "november", "december", "half", "quarter");
    private static final Pattern CLOCK_OR_DATE = Pattern.compile("\\d{1,2}(?::\\d{2})?(?:am|pm)?|\\d{1,2}(?:st|nd|rd|th)"
            + "|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?");
    private static final Pattern STRONG_NUMBER = Pattern.compile("\\d{1,2}:\\d{2}|\\d{1,2}(?:am|pm)|\\d{1,2}(?:st|nd|rd|th)"
            + "|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?");
    private static final Set<String> PICK = Set.of("first", "second", "third", "fourth", "fifth", "1st", "2nd", "3rd",
            "4th", "5th", "last", "final", "middle", "former", "latter", "earlier", "later", "latest", "early", "late",
            "sooner", "option", "number", "choice", "slot", "no", "either", "whichever", "one", "two", "three", "four",
            "five");

    private ReadingWords() {
    }

    static boolean when(String word) {
        return WHEN.contains(word) || CLOCK_OR_DATE.matcher(word).matches();
    }

    /** A word that on its own says "this is about time": not just a number that could be anything. */
    static boolean stronglyWhen(String word) {
        return STRONG_WHEN.contains(word) || STRONG_NUMBER.matcher(word).matches();
    }

    static boolean pick(String word) {
        return PICK.contains(word) || when(word);
    }
}
