package io.switchboard.dialog.understanding;

import io.switchboard.models.PartOfDay;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Reads day and time preferences from normalized text ({@link TextNormalizer}), resolved against {@code now} in the
 * business time zone. Rules, all local to the business:
 * <ul>
 *   <li><b>Weekdays.</b> A bare weekday ("monday", "on fri") is the next such day strictly after today: said on a
 *       Saturday, "saturday" means a week today. "this &lt;weekday&gt;" / "this coming &lt;weekday&gt;" is the next
 *       such day counting today. "next &lt;weekday&gt;" is that weekday in the <i>next calendar week</i> (weeks run
 *       Monday to Sunday): on Saturday 21 Nov "next thursday" is Thu 26 Nov, on Monday 23 Nov it is Thu 3 Dec.</li>
 *   <li><b>Weeks.</b> "next week" (also "the following week", "next week sometime") is Monday to Sunday of the next
 *       calendar week, a stretch of days ({@link TimePreference#lastDate()}); with a weekday anywhere in the same
 *       alternative ("next week … tuesday", "tuesday next week", "wednesday of next week") it is that day of that
 *       week. "this week" is today to Sunday; "the week after next" the calendar week after next; "early next week"
 *       Monday to Wednesday; "end of the week" Thursday (or today) to Sunday. "this time next week" is a week today.
 *       </li>
 *   <li><b>Counted days.</b> "in N days/weeks" ("in two weeks' time", "in a couple of weeks", "10 days from now",
 *       "3 weeks today"), "a fortnight" / "in a fortnight" (14 days), "a week today", "a week tomorrow",
 *       "a week on friday" and "friday week" (a week after the coming Friday), "tomorrow week" (a week after
 *       tomorrow). "in the next fortnight" is the
 *       stretch from today to then. Durations are not dates: "for a fortnight", "2 weeks ago", "every week".</li>
 *   <li><b>Weekends and months.</b> "the weekend" / "this weekend" is the coming Saturday and Sunday (today and
 *       tomorrow on a Saturday); "next weekend" is the weekend of the next calendar week. "end of the month" is its
 *       last five days (from today when later); "end of next month", "next month", "in february", "early march"
 *       (1st–10th), "mid january" (10th–20th), "late april" (21st–end) likewise.</li>
 *   <li><b>Dates.</b> "23/11" is day/month (UK). A day and month without a year ("23rd nov", "Nov 23", "14 February",
 *       "for 14 feb") that is already past this year means next year; it is kept as that date however far ahead (the
 *       flow says when it is beyond the booking horizon). A day of the month alone ("the twenty third", "sat 28th")
 *       is this month, or the next month that has that day when it is past.</li>
 *   <li><b>Bare hours.</b> Without am/pm or a part of day, hours 1–7 are afternoon (3 is 15:00), 8–11 morning,
 *       12 noon; 13–23 are read as 24-hour times. "3 in the morning"/"Fri am" and "pm" override this. "half one" is
 *       1:30 by the same rule (13:30), "half seven" 19:30, "half ten" 10:30.</li>
 *   <li><b>Windows.</b> "after two" sets {@code notBefore}, "before eleven"/"by 4" {@code notAfter}, "between 2 and 4"
 *       both; "first thing" is the morning up to 10:00; "lunchtime" 12:00–14:00, "after lunch" from 13:00;
 *       "after work" from 17:00, "after school" from 15:30; "noon"/"midday" 12:00.</li>
 *   <li><b>Alternatives.</b> "or" separates preferences ("thursday afternoon or friday morning" gives two); a
 *       part without a day takes the day of its neighbour ("friday morning or afternoon"). A week named once holds
 *       for the other alternatives' bare weekdays ("next tuesday or wednesday", "tuesday or wednesday next week"),
 *       and said on a Thursday, "thursday afternoon or friday morning" is today or tomorrow, not two weeks.</li>
 * </ul>
 * A number is read as an hour only with a time cue (at, around, am/pm, ish, a preceding day, "make it 4"), or when a
 * time is what was asked; then {@link #read} marks it {@link Reading#bareNumber()} with a low confidence, for the
 * resolver to weigh against other readings of the number. After "flat", "number", "unit", "option" and the like a
 * number is never an hour. Durations of hours ("in 2 hours") are not resolved.
 */
public final class DateTimeExtractor {

    /** Words after which a bare "am" is a morning even where no time was asked: days, months ("24 nov am"). */
    private static final Set<String> DAY_BEFORE_AM = Set.of("today", "tomorrow", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
            "sat", "sun", "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
            "nov", "dec", "week");

    private static final Set<String> SEPARATORS = Set.of("or", "otherwise", "alternatively");
    private static final Set<String> OR_MODIFIERS = Set.of("so", "thereabouts", "later", "after", "earlier",
            "before", "anything", "whatever", "something", "not", "onwards");
    /** After these a number is a count or a duration, not an hour. */
    private static final Set<String> NOT_TIME_AFTER = Set.of("hour", "hours", "minute", "minutes", "min", "day",
            "days", "week", "weeks", "month", "months", "year", "years", "pound", "pounds", "quid", "people",
            "person", "times", "of", "percent", "taps", "tap", "bedroom", "bedrooms", "floor", "floors", "bathroom",
            "bathrooms", "toilets", "jobs", "things", "more", "litre", "litres", "metres", "meters", "mile", "miles",
            "pence", "p", "radiators", "rads", "sinks", "pipes", "kids", "children", "dogs", "cats");
    /** After these a number labels something ("flat 4", "number 7"), even when a time was asked. */
    private static final Set<String> NOT_TIME_BEFORE = Set.of("flat", "number", "no", "unit", "house", "apartment",
            "apt", "room", "plot", "door", "bus", "platform", "gate", "option", "floor", "block", "postcode");
    /** Before these a number is an hour ("3 is fine", "2 tomorrow"). */
    private static final Set<String> TIME_AFTER = Set.of("ish", "oclock", "or", "onwards", "works", "would",
            "please", "suits", "ok", "instead", "then", "tomorrow", "today", "tonight", "on", "at", "latest",
            "earliest", "is", "sounds", "if", "good", "fine", "any", "should");
    private static final Set<String> APPROXIMATE_BEFORE = Set.of("around", "about", "roughly", "approximately",
            "circa", "like");
    private static final Set<String> MAYBE_DATE_NOUN = Set.of("one", "ones", "option", "options", "slot", "slots",
            "floor", "time", "times", "appointment", "appointments", "choice", "thing", "visit", "job", "house",
            "street", "road", "avenue", "lane", "flat", "attempt", "call", "person", "engineer");
    private static final Set<String> POSSESSIVES = Set.of("a", "my", "your", "our", "his", "her", "their");

    /**
     * One reading of a day/time wish, with the words it used and how sure the rules are of it.
     *
     * @param preference the wish
     * @param span       the stretch of the normalized text it was read from
     * @param confidence 0..1: {@value #CUED} when the words say it is a time; {@value #BARE_NUMBER} when an hour
     *                   rests on a bare number taken only because a time was asked ("3"), which a resolver should
     *                   weigh against other readings of that number (an offered option, a flat number)
     * @param bareNumber the time came from a number with no time cue
     * @param bareWeekday the weekday the day came from when it was said without "next"/"this" ("thurs"), else
     *                    null: said on that same weekday it may mean today as well as a week today, which an offer
     *                    of today can settle
     */
    public record Reading(TimePreference preference, Span span, double confidence, boolean bareNumber,
                          java.time.DayOfWeek bareWeekday) {

        public Reading(TimePreference preference, Span span, double confidence, boolean bareNumber) {
            this(preference, span, confidence, bareNumber, null);
        }
    }

    public static final double CUED = 0.9;
    public static final double BARE_NUMBER = 0.4;

    /** Same as {@code extract(normalized, now, false)}. */
    public List<TimePreference> extract(String normalized, ZonedDateTime now) {
        return extract(normalized, now, false);
    }

    /**
     * @param normalized   text from {@link TextNormalizer}
     * @param now          the current time, already in the business time zone
     * @param timeExpected the caller was just asked for a time, so a bare "3" is an hour
     * @return the preferences in the order given; empty when none
     */
    public List<TimePreference> extract(String normalized, ZonedDateTime now, boolean timeExpected) {
        return read(normalized, now, timeExpected).stream().map(Reading::preference).toList();
    }

    /**
     * Like {@link #extract(String, ZonedDateTime, boolean)}, with each preference's span of {@code normalized} and
     * a confidence.
     */
    public List<Reading> read(String normalized, ZonedDateTime now, boolean timeExpected) {
        if (normalized == null || normalized.isBlank() || now == null) {
            return List.of();
        }
        LocalDate today = now.toLocalDate();
        Tokens tokens = Tokens.of(normalized);
        List<int[]> segments = split(tokens.words());
        List<Parsed> parsed = new ArrayList<>(segments.size());
        for (int[] segment : segments) {
            parsed.add(new SegmentParser(tokens.words(), segment, today, timeExpected).parse());
        }
        if (parsed.size() > 1 && parsed.stream().anyMatch(p -> p.time != null)) {
            for (int i = 0; i < parsed.size(); i++) {
                if (parsed.get(i).time == null) {
                    parsed.set(i, new SegmentParser(tokens.words(), segments.get(i), today, true).parse());
                }
            }
        }
        shareWeeks(parsed, today);
        inheritDates(parsed);
        List<Reading> out = new ArrayList<>();
        Set<TimePreference> seen = new java.util.HashSet<>();
        for (Parsed p : parsed) {
            TimePreference pref = p.toPreference();
            if (!pref.isEmpty() && seen.add(pref)) {
                boolean bare = p.bareHour && p.date == null && p.partOfDay == null;
                out.add(new Reading(pref, tokens.span(p.first, p.last), bare ? BARE_NUMBER : CUED, bare,
                        p.bareWeekday));
            }
        }
        return List.copyOf(out);
    }

    /** The words of the normalized text and where each starts, so token ranges become character spans. */
    private record Tokens(List<String> words, int[] starts) {

        static Tokens of(String text) {
            List<String> words = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                while (i < text.length() && text.charAt(i) == ' ') {
                    i++;
                }
                int start = i;
                while (i < text.length() && text.charAt(i) != ' ') {
                    i++;
                }
                if (i > start) {
                    words.add(text.substring(start, i));
                    starts.add(start);
                }
            }
            return new Tokens(words, starts.stream().mapToInt(Integer::intValue).toArray());
        }

        Span span(int first, int last) {
            if (first < 0 || last < first || last >= words.size()) {
                return null;
            }
            return new Span(starts[first], starts[last] + words.get(last).length());
        }
    }

    /** Each alternative as the global indexes of its words; separators and "either" belong to none. */
    private static List<int[]> split(List<String> tokens) {
        List<int[]> segments = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String tok = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            if (SEPARATORS.contains(tok) && !(tok.equals("or") && OR_MODIFIERS.contains(next))) {
                if (!current.isEmpty()) {
                    segments.add(current.stream().mapToInt(Integer::intValue).toArray());
                }
                current = new ArrayList<>();
            } else if (!tok.equals("either")) {
                current.add(i);
            }
        }
        if (!current.isEmpty()) {
            segments.add(current.stream().mapToInt(Integer::intValue).toArray());
        }
        return segments;
    }

    /**
     * "next tuesday or wednesday" and "tuesday or wednesday next week": a week named once holds for the bare
     * weekdays of the other alternatives, so the offers are not from mixed weeks. "next &lt;weekday&gt;" carries
     * forward only ("friday or next tuesday" keeps this Friday); "next week" said anywhere carries both ways.
     */
    private static void shareWeeks(List<Parsed> parsed, LocalDate today) {
        for (int i = 0; i < parsed.size(); i++) {
            Parsed p = parsed.get(i);
            if (p.bareWeekday == null || p.weekOf != null) {
                continue;
            }
            LocalDate week = null;
            for (int k = i - 1; k >= 0 && week == null; k--) {
                week = parsed.get(k).weekOf;
            }
            for (int k = i + 1; k < parsed.size() && week == null; k++) {
                if (parsed.get(k).weekNamed) {
                    week = parsed.get(k).weekOf;
                }
            }
            if (week != null) {
                LocalDate date = week.with(TemporalAdjusters.nextOrSame(p.bareWeekday));
                if (!date.isBefore(today)) {
                    p.date = date;
                    p.lastDate = null;
                }
            }
        }
        // "thursday afternoon or friday morning" said on a Thursday: with the other day this week, "thursday" is
        // today rather than a week today, so the offers do not come from two different weeks.
        LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        boolean otherDayThisWeek = parsed.stream().anyMatch(q -> q.bareWeekday != null && q.date != null
                && q.bareWeekday != today.getDayOfWeek() && q.date.isBefore(nextMonday));
        if (otherDayThisWeek) {
            for (Parsed p : parsed) {
                if (p.bareWeekday == today.getDayOfWeek() && today.plusWeeks(1).equals(p.date)) {
                    p.date = today;
                }
            }
        }
    }

    private static void inheritDates(List<Parsed> parsed) {
        for (int i = 0; i < parsed.size(); i++) {
            Parsed p = parsed.get(i);
            if (p.date != null || !p.hasContent()) {
                continue;
            }
            for (int d = 1; d < parsed.size(); d++) {
                if (i - d >= 0 && parsed.get(i - d).date != null) {
                    p.date = parsed.get(i - d).date;
                    p.lastDate = parsed.get(i - d).lastDate;
                    break;
                }
                if (i + d < parsed.size() && parsed.get(i + d).date != null) {
                    p.date = parsed.get(i + d).date;
                    p.lastDate = parsed.get(i + d).lastDate;
                    break;
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private enum Meridiem { AM, PM, NONE, EXACT }

    /** A clock time as said, before am/pm is decided. */
    private record RawTime(int hour, int minute, Meridiem meridiem, int length, boolean approximate) {

        LocalTime resolve(PartOfDay partOfDay) {
            int h = hour;
            switch (meridiem) {
                case AM -> h = hour == 12 ? 0 : hour;
                case PM -> h = hour < 12 ? hour + 12 : hour;
                case EXACT -> h = hour;
                case NONE -> {
                    if (hour == 0 || hour > 12) {
                        h = hour;
                    } else if (partOfDay == PartOfDay.AFTERNOON || partOfDay == PartOfDay.EVENING) {
                        h = hour < 12 ? hour + 12 : hour;
                    } else if (partOfDay == PartOfDay.MORNING) {
                        h = hour;
                    } else {
                        h = hour <= 7 ? hour + 12 : hour;
                    }
                }
                default -> throw new IllegalStateException();
            }
            return LocalTime.of(h % 24, minute);
        }

        static RawTime exact(int hour, int minute) {
            return new RawTime(hour, minute, Meridiem.EXACT, 1, false);
        }
    }

    /** What one alternative said, before it becomes a {@link TimePreference}. */
    private static final class Parsed {
        LocalDate date;
        /** Last day of a named stretch of days ("next week"); null for one day. */
        LocalDate lastDate;
        /** The Monday of a week the words named ("next week", "next tuesday"); bare weekdays nearby fall in it. */
        LocalDate weekOf;
        /** Whether {@link #weekOf} came from "next week"/"this week" rather than "next &lt;weekday&gt;". */
        boolean weekNamed;
        /** The weekday said without "next"/"this", when that is where the date came from. */
        DayOfWeek bareWeekday;
        /** The hour came from a number with no time cue. */
        boolean bareHour;
        /** First and last global word index this alternative used; -1 when none. */
        int first = -1;
        int last = -1;
        RawTime time;
        RawTime notBefore;
        RawTime notAfter;
        PartOfDay partOfDay;
        boolean asap;
        boolean approximate;

        boolean hasContent() {
            return time != null || notBefore != null || notAfter != null || partOfDay != null;
        }

        TimePreference toPreference() {
            LocalTime t = time == null ? null : time.resolve(partOfDay);
            LocalTime nb = notBefore == null ? null : notBefore.resolve(partOfDay);
            LocalTime na = notAfter == null ? null : notAfter.resolve(partOfDay);
            if (nb != null && na != null && na.isBefore(nb) && notAfter.meridiem() == Meridiem.NONE
                    && notAfter.hour() < 12) {
                // "between 6 and 8": the end lies after the start.
                na = na.plusHours(12);
            }
            return new TimePreference(date, t, partOfDay, nb, na, asap, approximate || (time != null
                    && time.approximate()), lastDate);
        }
    }

    /** Parses one alternative; tokens are consumed so no word counts twice. */
    private static final class SegmentParser {
        private final List<String> w;
        private final int[] index;
        private final boolean[] used;
        private final LocalDate today;
        private final boolean bareHoursAllowed;
        private final Parsed p = new Parsed();
        private final Set<Integer> dateEnds = new java.util.HashSet<>();
        private int dateEnd = -10;
        private LocalDate bareWeekdayDate;
        private DayOfWeek excluded;

        SegmentParser(List<String> all, int[] index, LocalDate today, boolean bareHoursAllowed) {
            List<String> tokens = new ArrayList<>(index.length);
            for (int i : index) {
                tokens.add(all.get(i));
            }
            this.w = tokens;
            this.index = index;
            this.used = new boolean[tokens.size()];
            this.today = today;
            this.bareHoursAllowed = bareHoursAllowed;
        }

        Parsed parse() {
            asap();
            stretchesOfDays();
            relativeDays();
            slashDates();
            monthDays();
            monthStretches();
            weekdays();
            ranges();
            bounds();
            clockTimes();
            partsOfDay();
            anyTime();
            for (int i = 0; i < used.length; i++) {
                if (used[i]) {
                    p.first = p.first < 0 ? index[i] : p.first;
                    p.last = index[i];
                }
            }
            return p;
        }

        private String at(int i) {
            return i >= 0 && i < w.size() ? w.get(i) : "";
        }

        private boolean is(int i, String word) {
            return at(i).equals(word) && !used[i];
        }

        private void use(int from, int length) {
            for (int i = from; i < from + length && i < used.length; i++) {
                if (i >= 0) {
                    used[i] = true;
                }
            }
        }

        /**
         * The later of two separate day mentions wins ("my appointment on monday, can we move it to wednesday");
         * within one expression ("monday the 23rd") the first rule to fire, the more specific, keeps it.
         */
        private void setDate(LocalDate date, int end) {
            int start = end - 1;
            if (date != null && (p.date == null || start > dateEnd + 2)) {
                p.date = date;
                dateEnd = end;
            }
            dateEnds.add(end);
        }

        /** "not monday", "except friday", "apart from tuesday", "other than the 23rd". */
        private boolean negatedDay(int i) {
            String prev = at(i - 1);
            String prev2 = at(i - 2);
            return prev.equals("not") || prev.equals("except") || prev.equals("excluding")
                    || (prev.equals("from") && prev2.equals("apart")) || (prev.equals("than") && prev2.equals("other"))
                    || ((prev.equals("on") || prev.equals("the")) && (prev2.equals("not") || prev2.equals("except")));
        }

        // --- stretches of days and counted days ------------------------------------------------------------

        /** The number of words of {@code words} found unused from i, or 0. */
        private int phrase(int i, String... words) {
            for (int k = 0; k < words.length; k++) {
                if (!is(i + k, words[k])) {
                    return 0;
                }
            }
            return words.length;
        }

        private int anyPhrase(int i, String[]... phrases) {
            for (String[] words : phrases) {
                int n = phrase(i, words);
                if (n > 0) {
                    return n;
                }
            }
            return 0;
        }

        private static String[] words(String phrase) {
            return phrase.split(" ");
        }

        /**
         * "next week", "this weekend", "the week after next", "early next week", "end of the month"; then days
         * counted from today: "in two weeks", "a fortnight", "a week on friday", "10 days from now".
         * Weeks run Monday to Sunday, as for "next &lt;weekday&gt;".
         */
        private void stretchesOfDays() {
            LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate nextMonday = monday.plusWeeks(1);
            LocalDate endOfMonth = today.with(TemporalAdjusters.lastDayOfMonth());
            LocalDate endOfNextMonth = today.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
            for (int i = 0; i < w.size(); i++) {
                if (used[i]) {
                    continue;
                }
                int n;
                if ((n = phrase(i, "week", "after", "next")) > 0) {
                    stretch(nextMonday.plusWeeks(1), nextMonday.plusWeeks(1).plusDays(6), nextMonday.plusWeeks(1),
                            i, n);
                } else if ((n = anyPhrase(i, words("early next week"), words("beginning of next week"),
                        words("start of next week"))) > 0) {
                    stretch(nextMonday, nextMonday.plusDays(2), nextMonday, i, n);
                } else if ((n = anyPhrase(i, words("end of next week"), words("later next week"))) > 0) {
                    stretch(nextMonday.plusDays(3), nextMonday.plusDays(6), nextMonday, i, n);
                } else if ((n = anyPhrase(i, words("end of the week"), words("end of this week"),
                        words("end of week"), words("later this week"), words("later in the week"))) > 0) {
                    stretch(latest(today, monday.plusDays(3)), monday.plusDays(6), monday, i, n);
                } else if ((n = phrase(i, "this", "time", "next", "week")) > 0) {
                    setDate(today.plusWeeks(1), i + n);
                    use(i, n);
                } else if ((n = anyPhrase(i, words("next week"), words("the following week"),
                        words("following week"))) > 0) {
                    stretch(nextMonday, nextMonday.plusDays(6), nextMonday, i, n);
                } else if ((n = anyPhrase(i, words("this coming week"), words("this week"))) > 0) {
                    stretch(today, monday.plusDays(6), monday, i, n);
                } else if ((n = phrase(i, "next", "weekend")) > 0) {
                    stretch(nextMonday.plusDays(5), nextMonday.plusDays(6), nextMonday, i, n);
                } else if ((n = anyPhrase(i, words("this coming weekend"), words("this weekend"),
                        words("coming weekend"), words("weekend"))) > 0) {
                    LocalDate saturday = today.getDayOfWeek() == DayOfWeek.SUNDAY ? today.minusDays(1)
                            : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
                    stretch(latest(today, saturday), saturday.plusDays(1), saturday.minusDays(5), i, n);
                } else if ((n = phrase(i, "end", "of", "next", "month")) > 0) {
                    stretch(endOfNextMonth.minusDays(4), endOfNextMonth, null, i, n);
                } else if ((n = anyPhrase(i, words("end of the month"), words("end of this month"),
                        words("end of month"))) > 0) {
                    stretch(latest(today, endOfMonth.minusDays(4)), endOfMonth, null, i, n);
                } else if ((n = phrase(i, "next", "month")) > 0) {
                    LocalDate first = today.plusMonths(1).withDayOfMonth(1);
                    stretch(first, first.with(TemporalAdjusters.lastDayOfMonth()), null, i, n);
                } else {
                    countedDays(i);
                }
            }
        }

        private static LocalDate latest(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }

        private void stretch(LocalDate first, LocalDate last, LocalDate weekOf, int i, int length) {
            if (negatedDay(i)) {
                // "not next week", "any time apart from this weekend": ruled out, not wished for
                use(i, length);
                return;
            }
            p.date = first;
            p.lastDate = last;
            dateEnd = i + length;
            dateEnds.add(i + length);
            if (weekOf != null) {
                p.weekOf = weekOf;
                p.weekNamed = true;
            }
            use(i, length);
        }

        /** After these, "a fortnight" is how long something has lasted, not when to come. */
        private static final Set<String> DURATION_BEFORE = Set.of("for", "past", "last", "over", "every", "each",
                "about", "nearly", "almost");

        /** "in 2 weeks", "in a fortnight", "2 weeks from today", "in 10 days time", "a week on friday". */
        private void countedDays(int i) {
            boolean in = w.get(i).equals("in") || w.get(i).equals("within") || w.get(i).equals("over");
            int k = in ? i + 1 : i;
            // "in the next fortnight", "within the next 10 days": any day from today to then
            boolean within = in && phrase(k, "the", "next") > 0;
            if (within) {
                k += 2;
            } else if (!w.get(i).equals("in")) {
                in = false;
            }
            int count;
            int countLength;
            if (within && (is(k, "week") || is(k, "fortnight"))) {
                count = 1;
                countLength = 0;
            } else if (phrase(k, "a", "couple", "of") > 0) {
                count = 2;
                countLength = 3;
            } else if (phrase(k, "couple", "of") > 0) {
                count = 2;
                countLength = 2;
            } else if (is(k, "a") || is(k, "one")) {
                count = 1;
                countLength = 1;
            } else if (TimeWords.isInteger(at(k)) && !used[k]) {
                count = Integer.parseInt(at(k));
                countLength = 1;
            } else {
                count = 1;
                countLength = 0;
            }
            if (countLength == 0 && !in && (at(i - 1).equals("a") || at(i - 1).equals("in"))) {
                return; // "for a fortnight": read (and refused) from the "a"
            }
            int unitAt = k + countLength;
            String unit = at(unitAt);
            int days;
            if (unit.equals("fortnight") || unit.equals("fortnights")) {
                days = 14 * count;
            } else if (countLength > 0 && (unit.equals("week") || unit.equals("weeks"))) {
                days = 7 * count;
            } else if (countLength > 0 && (unit.equals("day") || unit.equals("days"))) {
                days = count;
            } else {
                return;
            }
            int end = unitAt + 1;
            String after = at(end);
            LocalDate from = today;
            boolean anchored = in;
            DayOfWeek weekday = TimeWords.WEEKDAYS.get(at(end + 1));
            if (after.equals("ago")) {
                return;
            } else if (after.equals("time") || after.equals("today")) {
                end++;
                anchored = true;
            } else if (after.equals("from") && (at(end + 1).equals("today") || at(end + 1).equals("now"))) {
                end += 2;
                anchored = true;
            } else if (after.equals("tomorrow")) {
                from = today.plusDays(1);
                end++;
                anchored = true;
            } else if ((after.equals("on") || after.equals("from")) && weekday != null) {
                from = today.with(TemporalAdjusters.next(weekday));
                end += 2;
                anchored = true;
            }
            boolean fortnight = unit.startsWith("fortnight") && !DURATION_BEFORE.contains(at(i - 1));
            if ((!anchored && !fortnight) || days < 1 || days > 366) {
                return;
            }
            if (within) {
                stretch(today, today.plusDays(days), null, i, end - i);
                return;
            }
            setDate(from.plusDays(days), end);
            use(i, end - i);
        }

        /**
         * "in february", "early march", "mid january", "end of april", when no day of that month was given:
         * the month or that part of it, from today when it is this month.
         */
        private void monthStretches() {
            for (int i = 0; i < w.size(); i++) {
                Month month = TimeWords.MONTHS.get(at(i));
                if (used[i] || month == null || (month == Month.MAY && !Set.of("in", "during", "early", "mid", "late",
                        "of").contains(at(i - 1)))) {
                    continue;
                }
                String before = at(i - 1);
                int from = 1;
                int to = 31;
                int start;
                if (before.equals("early") || (before.equals("of") && (at(i - 2).equals("beginning")
                        || at(i - 2).equals("start")))) {
                    to = 10;
                } else if (before.equals("mid") || (before.equals("middle") || (before.equals("of")
                        && at(i - 2).equals("middle")))) {
                    from = 10;
                    to = 20;
                } else if (before.equals("late") || (before.equals("of") && at(i - 2).equals("end"))) {
                    from = 21;
                } else if (!(before.equals("in") || before.equals("during") || before.equals("for") || w.size() == 1)) {
                    continue;
                }
                start = before.equals("of") ? i - 2 : i - 1;
                LocalDate first = LocalDate.of(today.getYear(), month, 1);
                LocalDate begin = first.withDayOfMonth(Math.min(from, first.lengthOfMonth()));
                LocalDate last = first.withDayOfMonth(Math.min(to, first.lengthOfMonth()));
                if (last.isBefore(today)) {
                    first = first.plusYears(1);
                    begin = first.withDayOfMonth(Math.min(from, first.lengthOfMonth()));
                    last = first.withDayOfMonth(Math.min(to, first.lengthOfMonth()));
                }
                if (p.date == null) {
                    stretch(latest(today, begin), last, null, Math.max(0, start), i - Math.max(0, start) + 1);
                }
            }
        }

        // --- as soon as possible -------------------------------------------------------------------------------

        private void asap() {
            for (int i = 0; i < w.size(); i++) {
                String t = at(i);
                if (t.equals("as") && at(i + 1).equals("soon") && at(i + 2).equals("as")) {
                    p.asap = true;
                    use(i, 4);
                } else if (t.equals("soon") && at(i + 1).equals("as") && !at(i - 1).equals("as")) {
                    p.asap = true;
                    use(i, 3);
                } else if (t.equals("asap") || t.equals("soonest") || t.equals("quickest")
                        || t.equals("immediately")) {
                    p.asap = true;
                    use(i, 1);
                } else if (t.equals("earliest") && !(at(i - 1).equals("the") && at(i - 2).equals("at"))) {
                    p.asap = true;
                    use(i, 1);
                } else if ((t.equals("first") || t.equals("next")) && Set.of("available", "slot", "appointment",
                        "opening", "availability").contains(at(i + 1)) && !POSSESSIVES.contains(at(i - 1))) {
                    p.asap = true;
                    use(i, 2);
                } else if ((t.equals("right") || t.equals("straight")) && at(i + 1).equals("away")) {
                    p.asap = true;
                    use(i, 2);
                } else if (t.equals("now") && (at(i - 1).equals("right") || w.size() <= 2
                        || at(i + 1).equals("please"))) {
                    p.asap = true;
                    use(i, 1);
                }
            }
        }

        // --- days ----------------------------------------------------------------------------------------------

        private void relativeDays() {
            for (int i = 0; i < w.size(); i++) {
                if (used[i]) {
                    continue;
                }
                String t = w.get(i);
                if (t.equals("day") && at(i + 1).equals("after") && at(i + 2).equals("tomorrow")) {
                    setDate(today.plusDays(2), i + 3);
                    use(i, 3);
                } else if (t.equals("overmorrow")) {
                    setDate(today.plusDays(2), i + 1);
                    use(i, 1);
                } else if ((t.equals("tomorrow") || t.equals("tomorrows")) && negatedDay(i)) {
                    use(i, 1);
                } else if ((t.equals("tomorrow") || t.equals("today")) && weekAfterDay(i)) {
                    // "tomorrow week", "today week": a week after that day, as "friday week" is
                    setDate(today.plusDays(t.equals("tomorrow") ? 8 : 7), i + 2);
                    use(i, 2);
                } else if (t.equals("tomorrow") || t.equals("tomorrows")) {
                    setDate(today.plusDays(1), i + 1);
                    use(i, 1);
                } else if (t.equals("today") || t.equals("todays")) {
                    setDate(today, i + 1);
                    use(i, 1);
                } else if (t.equals("tonight")) {
                    setDate(today, i + 1);
                    p.partOfDay = PartOfDay.EVENING;
                    use(i, 1);
                } else if (t.equals("this") && (at(i + 1).equals("morning") || at(i + 1).equals("afternoon")
                        || at(i + 1).equals("evening"))) {
                    setDate(today, i + 2);
                    use(i, 1);
                } else if (t.equals("later") && at(i + 1).equals("today")) {
                    use(i, 1);
                }
            }
        }

        /** "tomorrow week" but not "tomorrow week after next" nor "a week tomorrow" (read as counted days). */
        private boolean weekAfterDay(int i) {
            return is(i + 1, "week") && !at(i + 2).equals("after") && !at(i - 1).equals("a");
        }

        private void slashDates() {
            for (int i = 0; i < w.size(); i++) {
                Matcher m = TimeWords.SLASH_DATE.matcher(w.get(i));
                if (used[i] || !m.matches()) {
                    continue;
                }
                int day = Integer.parseInt(m.group(1));
                int month = Integer.parseInt(m.group(2));
                Integer year = m.group(3) == null ? null : Integer.parseInt(m.group(3));
                if (year != null && year < 100) {
                    year += 2000;
                }
                if (month >= 1 && month <= 12) {
                    setDate(dayOfMonth(day, Month.of(month), year), i + 1);
                    use(i, 1);
                }
            }
        }

        private void monthDays() {
            for (int i = 0; i < w.size(); i++) {
                if (used[i]) {
                    continue;
                }
                String t = w.get(i);
                int ordinal = TimeWords.ordinalSuffixValue(t);
                int number = TimeWords.isInteger(t) ? Integer.parseInt(t) : -1;
                int day = ordinal > 0 ? ordinal : number;
                boolean monthFollows = TimeWords.MONTHS.containsKey(at(i + 1))
                        || (at(i + 1).equals("of") && TimeWords.MONTHS.containsKey(at(i + 2)));
                // "for 14 february", "can you do 14 feb": a number before a month is its day, whatever precedes it.
                boolean clockContext = ordinal < 0 && !monthFollows && TimeWords.TIME_PREPOSITIONS.contains(at(i - 1));
                if (day >= 1 && day <= 31 && !clockContext) {
                    // "23rd of november", "23 nov", "23rd nov 2026"
                    int monthAt = at(i + 1).equals("of") ? i + 2 : i + 1;
                    Month month = TimeWords.MONTHS.get(at(monthAt));
                    if (month != null && !used[monthAt]) {
                        Integer year = yearAt(monthAt + 1);
                        setDate(dayOfMonth(day, month, year), monthAt + (year == null ? 1 : 2));
                        use(i, monthAt - i + (year == null ? 1 : 2));
                        continue;
                    }
                }
                Month month = TimeWords.MONTHS.get(t);
                if (month != null) {
                    // "nov 23", "november the 23rd"
                    int dayAt = at(i + 1).equals("the") ? i + 2 : i + 1;
                    String d = at(dayAt);
                    int value = TimeWords.ordinalSuffixValue(d);
                    if (value < 0 && TimeWords.isInteger(d)) {
                        value = Integer.parseInt(d);
                    }
                    if (value >= 1 && value <= 31 && !used[dayAt]) {
                        Integer year = yearAt(dayAt + 1);
                        setDate(dayOfMonth(value, month, year), dayAt + (year == null ? 1 : 2));
                        use(i, dayAt - i + (year == null ? 1 : 2));
                    }
                }
            }
            for (int i = 0; i < w.size(); i++) {
                int ordinal = TimeWords.ordinalSuffixValue(w.get(i));
                if (used[i] || ordinal < 1 || ordinal > 31) {
                    continue;
                }
                String next = at(i + 1);
                if (MAYBE_DATE_NOUN.contains(next) || POSSESSIVES.contains(at(i - 1))
                        || (next.equals("of") && !TimeWords.MONTHS.containsKey(at(i + 2)))) {
                    continue;
                }
                setDate(dayOfMonth(ordinal, null, null), i + 1);
                use(i, 1);
            }
        }

        private Integer yearAt(int i) {
            String t = at(i);
            if (t.length() == 4 && t.chars().allMatch(Character::isDigit)) {
                int y = Integer.parseInt(t);
                return y >= 2000 && y <= 2100 ? y : null;
            }
            return null;
        }

        /** Day of a month (or of this/next month when {@code month} is null), rolled forward when already past. */
        private LocalDate dayOfMonth(int day, Month month, Integer year) {
            if (month == null) {
                LocalDate firstOfMonth = today.withDayOfMonth(1);
                for (int ahead = 0; ahead < 13; ahead++) {
                    LocalDate m = firstOfMonth.plusMonths(ahead);
                    if (day <= m.lengthOfMonth()) {
                        LocalDate candidate = m.withDayOfMonth(day);
                        if (!candidate.isBefore(today)) {
                            return candidate;
                        }
                    }
                }
                return null;
            }
            try {
                if (year != null) {
                    return LocalDate.of(year, month, day);
                }
                for (int y = today.getYear(); y <= today.getYear() + 4; y++) {
                    if (day <= month.length(java.time.Year.isLeap(y))) {
                        LocalDate candidate = LocalDate.of(y, month, day);
                        if (!candidate.isBefore(today)) {
                            return candidate;
                        }
                    }
                }
            } catch (DateTimeException invalid) {
                return null;
            }
            return null;
        }

        private void weekdays() {
            for (int i = 0; i < w.size(); i++) {
                if (used[i]) {
                    continue;
                }
                String t = w.get(i);
                DayOfWeek day = TimeWords.WEEKDAYS.get(t);
                if (day == null && t.endsWith("s")) {
                    day = TimeWords.WEEKDAYS.get(t.substring(0, t.length() - 1));
                }
                if (day == null) {
                    continue;
                }
                if (negatedDay(i)) {
                    excluded = day;
                    use(i, 1);
                    continue;
                }
                String before = at(i - 1);
                LocalDate date;
                if (before.equals("next")) {
                    date = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                            .with(TemporalAdjusters.nextOrSame(day));
                    p.weekOf = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    use(i - 1, 1);
                } else if (before.equals("this") || before.equals("coming")) {
                    date = today.with(TemporalAdjusters.nextOrSame(day));
                    use(i - 1, 1);
                } else if (is(i + 1, "week") && !at(i + 2).equals("after")) {
                    // "friday week": a week after the coming Friday
                    date = today.with(TemporalAdjusters.next(day)).plusWeeks(1);
                    use(i + 1, 1);
                } else if (p.weekNamed) {
                    // "next week ... tuesday", "tuesday next week": the weekday of the week named
                    date = p.weekOf.with(TemporalAdjusters.nextOrSame(day));
                    if (date.isBefore(today)) {
                        date = today.with(TemporalAdjusters.next(day));
                    }
                    p.date = date;
                    p.lastDate = null;
                    dateEnd = Math.max(dateEnd, i + 1);
                    dateEnds.add(i + 1);
                    use(i, 1);
                    partOfDayAfter(i);
                    continue;
                } else {
                    date = today.with(TemporalAdjusters.next(day));
                    p.bareWeekday = day;
                    bareWeekdayDate = date;
                }
                setDate(date, i + 1);
                // "monday the 23rd": the weekday is consumed, the day of month (parsed first) wins.
                use(i, 1);
                partOfDayAfter(i);
            }
            if (p.bareWeekday != null && !java.util.Objects.equals(p.date, bareWeekdayDate)) {
                p.bareWeekday = null;
            }
            // "any day next week apart from monday": a day ruled out at either end of a stretch shortens it.
            if (excluded != null && p.lastDate != null) {
                if (p.date.getDayOfWeek() == excluded) {
                    p.date = p.date.plusDays(1);
                } else if (p.lastDate.getDayOfWeek() == excluded) {
                    p.lastDate = p.lastDate.minusDays(1);
                }
            }
        }

        private void partOfDayAfter(int i) {
            if (at(i + 1).equals("morning") || at(i + 1).equals("afternoon") || at(i + 1).equals("evening")
                    || at(i + 1).equals("night")) {
                dateEnds.add(i + 2);
            }
        }

        // --- times ---------------------------------------------------------------------------------------------

        /** A clock time starting at i; bare numbers only when {@code bare}. */
        private RawTime timeAt(int i, boolean bare) {
            if (i < 0 || i >= w.size() || used[i]) {
                return null;
            }
            String t = w.get(i);
            String next = at(i + 1);
            if (t.equals("noon") || t.equals("midday")) {
                return RawTime.exact(12, 0);
            }
            if (t.equals("midnight")) {
                return RawTime.exact(0, 0);
            }
            Matcher clock = TimeWords.CLOCK.matcher(t);
            if (clock.matches()) {
                int h = Integer.parseInt(clock.group(1));
                int m = Integer.parseInt(clock.group(2));
                if (h > 23 || m > 59) {
                    return null;
                }
                return withSuffix(h, m, next, h > 12 || clock.group(1).length() == 2 && h < 10);
            }
            if (!TimeWords.isInteger(t)) {
                return null;
            }
            int h = Integer.parseInt(t);
            if (h > 23) {
                return null;
            }
            if ((next.equals("am") || next.equals("pm")) && h >= 1 && h <= 12) {
                return withSuffix(h, 0, next, false);
            }
            if (next.equals("noon") && h == 12) {
                return new RawTime(12, 0, Meridiem.EXACT, 2, false);
            }
            if (next.equals("ish") && h >= 1) {
                return new RawTime(h, 0, h > 12 ? Meridiem.EXACT : Meridiem.NONE, 2, true);
            }
            if (bare && h >= 1 && !NOT_TIME_AFTER.contains(next) && !NOT_TIME_BEFORE.contains(at(i - 1))) {
                return new RawTime(h, 0, h > 12 ? Meridiem.EXACT : Meridiem.NONE, 1, false);
            }
            return null;
        }

        private RawTime withSuffix(int h, int m, String next, boolean twentyFourHour) {
            if ((next.equals("am") || next.equals("pm")) && h >= 1 && h <= 12) {
                return new RawTime(h, m, next.equals("am") ? Meridiem.AM : Meridiem.PM, 2, false);
            }
            if (next.equals("ish")) {
                return new RawTime(h, m, twentyFourHour ? Meridiem.EXACT : Meridiem.NONE, 2, true);
            }
            return new RawTime(h, m, twentyFourHour ? Meridiem.EXACT : Meridiem.NONE, 1, false);
        }

        /** Whether a bare number at i is an hour: it has a time cue around it, or a time was asked. */
        private boolean hourCue(int i) {
            return cue(i) || (bareHoursAllowed && !(at(i - 1).equals("it") && !at(i - 2).equals("make")));
        }

        /** Whether the words around a bare number at i say it is an hour. */
        private boolean cue(int i) {
            String prev = at(i - 1);
            String next = at(i + 1);
            if (NOT_TIME_AFTER.contains(next)) {
                return false;
            }
            boolean partOfDayAfter = next.equals("in") && at(i + 2).equals("the")
                    && Set.of("morning", "afternoon", "evening").contains(at(i + 3));
            if (TimeWords.TIME_PREPOSITIONS.contains(prev) || dateEnds.contains(i) || TIME_AFTER.contains(next)
                    || TimeWords.WEEKDAYS.containsKey(next) || partOfDayAfter) {
                return !(prev.equals("it") && !at(i - 2).equals("make"));
            }
            return false;
        }

        private void ranges() {
            for (int i = 0; i < w.size(); i++) {
                if (used[i]) {
                    continue;
                }
                String t = w.get(i);
                if (t.equals("between") || t.equals("from")) {
                    RawTime start = timeAt(i + 1, true);
                    if (start == null) {
                        continue;
                    }
                    int joinAt = i + 1 + start.length();
                    String join = at(joinAt);
                    boolean joins = t.equals("between") ? join.equals("and")
                            : join.equals("to") || join.equals("until") || join.equals("and") || join.equals("through");
                    RawTime end = joins ? timeAt(joinAt + 1, true) : null;
                    if (end != null) {
                        p.notBefore = start;
                        p.notAfter = end;
                        use(i, joinAt + 1 + end.length() - i);
                    } else if (t.equals("from")) {
                        p.notBefore = start;
                        use(i, 1 + start.length());
                        if (at(joinAt).equals("onwards")) {
                            use(joinAt, 1);
                        }
                    }
                    continue;
                }
                RawTime start = timeAt(i, hourCue(i) || at(i + 1).equals("to") || at(i + 1).equals("until"));
                if (start == null) {
                    continue;
                }
                int joinAt = i + start.length();
                if (at(joinAt).equals("to") || at(joinAt).equals("until")) {
                    RawTime end = timeAt(joinAt + 1, true);
                    if (end != null) {
                        p.notBefore = start;
                        p.notAfter = end;
                        use(i, joinAt + 1 + end.length() - i);
                    }
                }
            }
        }

        private void bounds() {
            for (int i = 0; i < w.size(); i++) {
                if (used[i]) {
                    continue;
                }
                String t = w.get(i);
                boolean lower = t.equals("after") || (t.equals("than") && at(i - 1).equals("earlier"));
                boolean upper = t.equals("before") || t.equals("by") || t.equals("until")
                        || (t.equals("than") && at(i - 1).equals("later"));
                if (t.equals("after") && at(i - 1).equals("not")) {
                    lower = false;
                    upper = true;
                } else if (t.equals("before") && at(i - 1).equals("not")) {
                    lower = true;
                    upper = false;
                }
                if (lower || upper) {
                    RawTime time = timeAt(i + 1, true);
                    if (time != null) {
                        if (lower) {
                            p.notBefore = time;
                        } else {
                            p.notAfter = time;
                        }
                        use(i, 1 + time.length());
                    }
                    continue;
                }
                RawTime time = timeAt(i, hourCue(i));
                if (time == null) {
                    continue;
                }
                int k = i + time.length();
                if ((at(k).equals("or") && (at(k + 1).equals("later") || at(k + 1).equals("after")))
                        || (at(k).equals("at") && at(k + 1).equals("the") && at(k + 2).equals("earliest"))) {
                    p.notBefore = time;
                    use(i, k - i + (at(k).equals("at") ? 3 : 2));
                } else if (at(k).equals("onwards")) {
                    p.notBefore = time;
                    use(i, k - i + 1);
                } else if ((at(k).equals("or") && (at(k + 1).equals("earlier") || at(k + 1).equals("before")))
                        || (at(k).equals("at") && at(k + 1).equals("the") && at(k + 2).equals("latest"))) {
                    p.notAfter = time;
                    use(i, k - i + (at(k).equals("at") ? 3 : 2));
                }
            }
        }

        private void clockTimes() {
            for (int i = 0; i < w.size(); i++) {
                RawTime time = timeAt(i, hourCue(i));
                if (time == null) {
                    continue;
                }
                boolean approximate = time.approximate() || APPROXIMATE_BEFORE.contains(at(i - 1))
                        || (at(i + time.length()).equals("or") && (at(i + time.length() + 1).equals("so")
                        || at(i + time.length() + 1).equals("thereabouts")));
                p.time = new RawTime(time.hour(), time.minute(), time.meridiem(), time.length(), approximate);
                p.bareHour = time.length() == 1 && TimeWords.isInteger(at(i)) && !cue(i);
                use(i, time.length());
            }
        }

        private void partsOfDay() {
            for (int i = 0; i < w.size(); i++) {
                if (used[i]) {
                    continue;
                }
                String t = w.get(i);
                String prev = at(i - 1);
                String next = at(i + 1);
                PartOfDay found = null;
                if (t.equals("morning")) {
                    boolean greeting = prev.equals("good") || (i == 0 && Set.of("i", "my", "we", "can", "could",
                            "there", "mate", "you", "hi", "hello", "this", "it", "is", "").contains(next)
                            && w.size() > 1);
                    found = greeting ? null : PartOfDay.MORNING;
                } else if (t.equals("afternoon") || t.equals("afternoons")) {
                    found = prev.equals("good") ? null : PartOfDay.AFTERNOON;
                } else if (t.equals("evening") || t.equals("evenings")) {
                    found = prev.equals("good") ? null : PartOfDay.EVENING;
                } else if (t.equals("night") && !prev.equals("good") && !prev.equals("last")) {
                    found = PartOfDay.EVENING;
                } else if (t.equals("mornings")) {
                    found = PartOfDay.MORNING;
                } else if (t.equals("am") && !prev.equals("i") && !prev.equals("we")
                        && (bareHoursAllowed || DAY_BEFORE_AM.contains(prev) || prev.matches("\\d+(?:st|nd|rd|th)"))) {
                    // "tomorrow am" typed is a morning; a lone "am" where no time was asked is the verb a
                    // recogniser wrote ("my name in am at wales"), and it must not send the caller back to the offers
                    found = PartOfDay.MORNING;
                } else if (t.equals("pm")) {
                    found = PartOfDay.AFTERNOON;
                } else if (t.equals("first") && next.equals("thing")) {
                    found = PartOfDay.MORNING;
                    p.notAfter = RawTime.exact(10, 0);
                    use(i + 1, 1);
                } else if (t.equals("lunchtime") || (t.equals("lunch") && !next.equals("break"))) {
                    if (prev.equals("after")) {
                        p.notBefore = RawTime.exact(13, 0);
                        found = PartOfDay.AFTERNOON;
                    } else if (prev.equals("before")) {
                        p.notAfter = RawTime.exact(12, 0);
                        found = PartOfDay.MORNING;
                    } else {
                        p.notBefore = RawTime.exact(12, 0);
                        p.notAfter = RawTime.exact(14, 0);
                    }
                    if (t.equals("lunch") && next.equals("time")) {
                        use(i + 1, 1);
                    }
                } else if (prev.equals("after") && (t.equals("work") || t.equals("school"))) {
                    // after work: from 5 pm; after school: from the afternoon school run
                    p.notBefore = t.equals("work") ? RawTime.exact(17, 0) : RawTime.exact(15, 30);
                    use(i - 1, 2);
                } else if (t.equals("end") && next.equals("of") && at(i + 3).equals("day")) {
                    p.notBefore = RawTime.exact(16, 0);
                    use(i, 4);
                }
                if (found == null) {
                    continue;
                }
                if (prev.equals("early") || prev.equals("late")) {
                    boolean early = prev.equals("early");
                    switch (found) {
                        case MORNING -> setWindow(early, 10);
                        case AFTERNOON -> setWindow(early, early ? 14 : 15);
                        case EVENING -> setWindow(early, 19);
                        default -> { }
                    }
                }
                p.partOfDay = found;
                use(i, 1);
            }
        }

        private void setWindow(boolean early, int hour) {
            if (early) {
                p.notAfter = RawTime.exact(hour, 0);
            } else {
                p.notBefore = RawTime.exact(hour, 0);
            }
        }

        private void anyTime() {
            if (p.date != null || p.hasContent() || p.asap) {
                return;
            }
            for (int i = 0; i < w.size(); i++) {
                if (w.get(i).equals("anytime") || w.get(i).equals("whenever")
                        || (w.get(i).equals("any") && at(i + 1).equals("time"))) {
                    p.asap = true;
                    return;
                }
            }
        }
    }
}
