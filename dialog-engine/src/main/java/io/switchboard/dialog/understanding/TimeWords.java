package io.switchboard.dialog.understanding;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The small fixed vocabulary of days, months and time prepositions shared by the date/time rules. */
final class TimeWords {

    /** Words after which a bare number is read as a clock hour ("at 3", "around 10", "make it 4"). */
    static final Set<String> TIME_PREPOSITIONS = Set.of("at", "around", "about", "by", "after", "before", "from",
            "until", "between", "say", "roughly", "approximately", "circa", "like", "maybe", "do", "it", "for",
            "past", "earliest", "latest", "than");

    static final Map<String, DayOfWeek> WEEKDAYS = Map.of(
            "monday", DayOfWeek.MONDAY, "tuesday", DayOfWeek.TUESDAY, "wednesday", DayOfWeek.WEDNESDAY,
            "thursday", DayOfWeek.THURSDAY, "friday", DayOfWeek.FRIDAY, "saturday", DayOfWeek.SATURDAY,
            "sunday", DayOfWeek.SUNDAY);

    static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("january", Month.JANUARY), Map.entry("jan", Month.JANUARY),
            Map.entry("february", Month.FEBRUARY), Map.entry("feb", Month.FEBRUARY),
            Map.entry("march", Month.MARCH), Map.entry("mar", Month.MARCH),
            Map.entry("april", Month.APRIL), Map.entry("apr", Month.APRIL),
            Map.entry("may", Month.MAY),
            Map.entry("june", Month.JUNE), Map.entry("jun", Month.JUNE),
            Map.entry("july", Month.JULY), Map.entry("jul", Month.JULY),
            Map.entry("august", Month.AUGUST), Map.entry("aug", Month.AUGUST),
            Map.entry("september", Month.SEPTEMBER), Map.entry("sep", Month.SEPTEMBER),
            Map.entry("sept", Month.SEPTEMBER),
            Map.entry("october", Month.OCTOBER), Map.entry("oct", Month.OCTOBER),
            Map.entry("november", Month.NOVEMBER), Map.entry("nov", Month.NOVEMBER),
            Map.entry("december", Month.DECEMBER), Map.entry("dec", Month.DECEMBER));

    static final Pattern ORDINAL = Pattern.compile("^(\\d{1,2})(st|nd|rd|th)$");
    static final Pattern CLOCK = Pattern.compile("^(\\d{1,2}):(\\d{2})$");
    static final Pattern INTEGER = Pattern.compile("^\\d{1,2}$");
    static final Pattern SLASH_DATE = Pattern.compile("^(\\d{1,2})/(\\d{1,2})(?:/(\\d{2}|\\d{4}))?$");

    private TimeWords() {
    }

    static boolean isInteger(String token) {
        return INTEGER.matcher(token).matches();
    }

    static int ordinalSuffixValue(String token) {
        var m = ORDINAL.matcher(token);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix;
        if (mod100 >= 11 && mod100 <= 13) {
            suffix = "th";
        } else {
            suffix = switch (n % 10) {
                case 1 -> "st";
                case 2 -> "nd";
                case 3 -> "rd";
                default -> "th";
            };
        }
        return n + suffix;
    }
}
