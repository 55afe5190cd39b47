package io.switchboard.dialog.understanding;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a time said so far ends on a bare hour ("tomorrow at twelve", "tuesday at 10"), which callers go on from
 * with the minutes or the half of the day ("… thirty", "… o'clock", "… pm") after a pause as long as one between
 * sentences: the words answer "when?" already, but whether the caller has finished they cannot tell. An hour after
 * "past" or "to" ("half past two", "quarter to ten") is the end of its time.
 */
final class MinutesMayFollow {

    private static final Set<String> HOURS = Set.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
    private static final Set<String> TIME_SO_FAR = Set.of("past", "to");

    private MinutesMayFollow() {
    }

    static boolean at(String words) {
        String[] w = words == null ? new String[0] : words.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (w.length == 0 || !HOURS.contains(w[w.length - 1])) {
            return false;
        }
        return w.length == 1 || !TIME_SO_FAR.contains(w[w.length - 2]);
    }
}
