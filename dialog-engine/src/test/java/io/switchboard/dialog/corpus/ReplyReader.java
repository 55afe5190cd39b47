package io.switchboard.dialog.corpus;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a reply the way a caller would: by its words. It knows nothing of the engine's state or expectation; it
 * looks for what a person would notice (a question about the name, a list of times, "shall I book it?").
 */
final class ReplyReader {

    private static final String NUM_WORD = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
    private static final String MERIDIEM = "a\\.?\\s?m\\.?|p\\.?\\s?m\\.?";
    private static final Pattern TIME = Pattern.compile(
            "\\b(?:(?<hm>\\d{1,2})[:.](?<mm>\\d{2})\\s*(?<mer1>" + MERIDIEM + ")?"
                    + "|(?<h>\\d{1,2})\\s*(?<mer2>" + MERIDIEM + ")"
                    + "|(?<noon>noon|midday)"
                    + "|half past (?<hp>" + NUM_WORD + ")"
                    + "|(?<hw>" + NUM_WORD + ")(?: (?<mw>thirty|fifteen|forty five|o'clock))?(?: (?<mer3>" + MERIDIEM + "))?)"
                    + "(?![\\w:])");
    private static final Pattern DATE = Pattern.compile(
            "\\b(?:(?<rel>today|tomorrow)"
                    + "|(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"
                    + "(?:\\s+(?:the\\s+)?(?<wdd>\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(?:of\\s+)?(?<wdm>[a-z]{3,9}))?)?"
                    + "|(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<m>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\\b");
    private static final Pattern TAKEN = Pattern.compile(
            "\\s*(?:is |isn't |'s |has been |was )?(?:already )?(?:taken|gone|booked|not available|unavailable|not free)");
    private static final Pattern RANGE_JOIN = Pattern.compile("^\\s*(?:-|–|to|until|till|and)\\s*$");

    private final LocalDate today;

    ReplyReader(LocalDate today) {
        this.today = today;
    }

    Reading read(String reply) {
        String text = ordinalsAsDigits(reply.toLowerCase(Locale.ROOT).replace('’', '\''));
        String question = lastQuestion(text);
        List<Found<LocalDate>> dates = dates(text);
        List<Found<LocalTime>> times = times(text);
        List<LocalDateTime> options = new ArrayList<>();
        List<Reading.Span> ranges = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            Found<LocalTime> t = times.get(i);
            if (TAKEN.matcher(text.substring(t.end)).lookingAt()) {
                continue; // "09:30 is taken": said to be unavailable, not offered
            }
            LocalDate day = dayBefore(dates, t.start);
            boolean spanStart = i + 1 < times.size()
                    && RANGE_JOIN.matcher(text.substring(t.end, times.get(i + 1).start)).matches()
                    && (text.substring(Math.max(0, t.start - 8), t.start).matches(".*(from|between)\\s*$")
                    || !text.substring(t.end, times.get(i + 1).start).strip().equals("and"));
            if (spanStart && day != null) {
                LocalTime from = t.value;
                LocalTime to = times.get(i + 1).value;
                if (to.isBefore(from) && to.getHour() < 12) {
                    to = to.plusHours(12);
                }
                if (from.isBefore(LocalTime.of(7, 0))) {
                    from = from.plusHours(12);
                }
                ranges.add(new Reading.Span(day, from, to));
                i++;
            } else if (day != null) {
                options.add(day.atTime(t.value));
            }
        }
        Reading.Ask ask = ask(text, question, !options.isEmpty() || !ranges.isEmpty());
        LocalDateTime proposal = null;
        LocalDateTime proposalLast = null;
        if (ask == Reading.Ask.CONFIRM && !times.isEmpty()) {
            proposal = at(dates, times.get(0));
            proposalLast = at(dates, times.get(times.size() - 1));
        }
        boolean refusal = text.matches("(?s).*\\b(taken|not available|unavailable|closed|can't|cannot|can not|only book|too far|no longer|fully booked|nothing (?:free|available)|isn't available|we don't|not open|no availability|booked up)\\b.*");
        return new Reading(ask, options, ranges, proposal, proposalLast, refusal);
    }

    private static LocalDateTime at(List<Found<LocalDate>> dates, Found<LocalTime> time) {
        LocalDate day = dayBefore(dates, time.start);
        if (day == null && !dates.isEmpty()) {
            day = dates.get(0).value;
        }
        return day == null ? null : day.atTime(time.value);
    }

    /** "monday the twenty eighth" → "monday the 28th", so spoken dates read like written ones. */
    private static String ordinalsAsDigits(String text) {
        String s = text;
        for (int n = 31; n >= 1; n--) {
            s = s.replaceAll("\\b" + SpokenNumbers.ordinal(n) + "\\b", n + "th");
        }
        return s;
    }

    private static Reading.Ask ask(String text, String q, boolean offers) {
        if (has(q, "anything else") || has(q, "help with anything")) {
            return Reading.Ask.ANYTHING_ELSE;
        }
        if (q.matches("(?s).*\\bis (?:that|it) an? [a-z -]+, or an? [a-z -]+\\?.*")) {
            return Reading.Ask.WHICH_SERVICE;
        }
        if (has(q, "number") && (has(q, "reach") || has(q, "best") || has(q, "contact") || has(q, "call you"))) {
            return q.matches("(?s).*(\\+?\\d{6,}|ending|calling from|texting from|this number|(yes/no)).*")
                    ? Reading.Ask.PHONE_CHECK : Reading.Ask.PHONE;
        }
        if (q.matches("(?s).*\\b(book it|shall i book|should i book|ok to book|okay to book|want me to book|go ahead|"
                + "shall i move|should i move|move it|shall i cancel|should i cancel|cancel it|is that right|is that correct|"
                + "to confirm|confirm)\\b.*")
                || q.matches("(?s)^(cancel|move|book) your .*") || text.strip().endsWith("(yes/no)")) {
            return Reading.Ask.CONFIRM;
        }
        if (q.matches("(?s).*\\b(what would you like to change|what should i change|what needs changing|what do you want to change|"
                + "what shall i change|which part|what's wrong|what would you like me to change|what should be different)\\b.*")) {
            return Reading.Ask.WHAT_TO_CHANGE;
        }
        if (q.matches("(?s).*\\bwhich (appointment|booking|one)\\b.*")) {
            return Reading.Ask.WHICH_APPOINTMENT;
        }
        if (q.matches("(?s).*\\b(when would you like|when would suit|when should|what day would)\\b.*")) {
            return Reading.Ask.DAY_TIME;
        }
        if (q.matches("(?s).*\\bwhich (of those |of these )?(times?|slots?)\\b.*")) {
            return Reading.Ask.OFFERS;
        }
        if (offers && q.matches("(?s).*\\b(which|what time|suit|suits|work|works|prefer|like|options?|choose|pick|any good|ok)\\b.*")) {
            return Reading.Ask.OFFERS;
        }
        if (has(q, "email")) {
            return Reading.Ask.EMAIL;
        }
        if (has(q, "postcode") && !has(q, "address")) {
            return Reading.Ask.POSTCODE;
        }
        if (has(q, "address") || q.matches("(?s).*\\bwhere (is|'s|should|do) .*")) {
            return Reading.Ask.ADDRESS;
        }
        if (has(q, "name") || has(q, "who am i speaking") || has(q, "who's calling")) {
            return Reading.Ask.NAME;
        }
        if (q.matches("(?s).*\\b(what day|which day|what time|when would|when suits|when works|when is good|when's good|"
                + "day and time|date and time|what date|which date|when)\\b.*")) {
            return Reading.Ask.DAY_TIME;
        }
        if (q.matches("(?s).*\\b(what do you need|what can i|what can we|how can i help|how may i help|what's the problem|"
                + "what is the problem|which service|what service|what's wrong|what sort of|what kind of|what's the job|"
                + "tell me (what|about)|describe|what's happened|what seems to be)\\b.*")) {
            return has(q, "how can i help") || has(q, "how may i help") ? Reading.Ask.GREETING : Reading.Ask.SERVICE;
        }
        if (offers) {
            return Reading.Ask.OFFERS;
        }
        if (text.matches("(?s).*\\b(sorry|didn't catch|didn't understand|not sure i|couldn't understand|say that again|"
                + "didn't get that|repeat)\\b.*")) {
            return Reading.Ask.NOT_UNDERSTOOD;
        }
        return Reading.Ask.OTHER;
    }

    private static boolean has(String s, String word) {
        return s.contains(word);
    }

    /** The last sentence that asks something, or the last sentence. */
    private static String lastQuestion(String text) {
        String[] parts = text.split("(?<=[.?!])\\s+");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (parts[i].contains("?")) {
                return parts[i];
            }
        }
        return parts.length == 0 ? text : parts[parts.length - 1];
    }

    private record Found<T>(int start, int end, T value) {
    }

    private static LocalDate dayBefore(List<Found<LocalDate>> dates, int pos) {
        LocalDate day = null;
        for (Found<LocalDate> d : dates) {
            if (d.start < pos) {
                day = d.value;
            }
        }
        if (day == null) {
            // "10:00 tomorrow": a date right after the time
            for (Found<LocalDate> d : dates) {
                if (d.start > pos && d.start - pos < 12) {
                    return d.value;
                }
            }
        }
        return day;
    }

    private List<Found<LocalDate>> dates(String text) {
        List<Found<LocalDate>> out = new ArrayList<>();
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            LocalDate d = null;
            if (m.group("rel") != null) {
                d = m.group("rel").equals("today") ? today : today.plusDays(1);
            } else if (m.group("wd") != null) {
                if (m.group("wdd") != null) {
                    d = dayOfMonth(Integer.parseInt(m.group("wdd")), month(m.group("wdm")), weekday(m.group("wd")));
                } else {
                    DayOfWeek dow = weekday(m.group("wd"));
                    d = today.with(TemporalAdjusters.next(dow));
                }
            } else if (m.group("d") != null) {
                d = dayOfMonth(Integer.parseInt(m.group("d")), month(m.group("m")), null);
            }
            if (d != null) {
                out.add(new Found<>(m.start(), m.end(), d));
            }
        }
        return out;
    }

    /** The next date with this day of the month (and month, and weekday, where said): "Monday the 28th". */
    private LocalDate dayOfMonth(int dom, Month month, DayOfWeek weekday) {
        LocalDate d = month == null ? today.withDayOfMonth(1) : LocalDate.of(today.getYear(), month, 1);
        for (int i = 0; i < 28; i++) {
            LocalDate c = d.plusMonths(i);
            if (dom <= c.lengthOfMonth() && !c.withDayOfMonth(dom).isBefore(today)
                    && (month == null || c.getMonth() == month)
                    && (weekday == null || c.withDayOfMonth(dom).getDayOfWeek() == weekday)) {
                return c.withDayOfMonth(dom);
            }
        }
        return null;
    }

    private static Month month(String word) {
        if (word == null || word.length() < 3) {
            return null;
        }
        for (Month m : Month.values()) {
            if (m.name().toLowerCase(Locale.ROOT).startsWith(word.substring(0, 3))) {
                return m;
            }
        }
        return null;
    }

    private static DayOfWeek weekday(String w) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(w.substring(0, 3))) {
                return d;
            }
        }
        throw new IllegalArgumentException(w);
    }

    private static List<Found<LocalTime>> times(String text) {
        List<Found<LocalTime>> out = new ArrayList<>();
        Matcher m = TIME.matcher(text);
        while (m.find()) {
            LocalTime t = null;
            if (m.group("hm") != null) {
                t = clock(Integer.parseInt(m.group("hm")), Integer.parseInt(m.group("mm")), m.group("mer1"));
            } else if (m.group("h") != null) {
                t = clock(Integer.parseInt(m.group("h")), 0, m.group("mer2"));
            } else if (m.group("noon") != null) {
                t = LocalTime.NOON;
            } else if (m.group("hp") != null) {
                t = clock(SpokenNumbers.value(m.group("hp")), 30, null);
            } else if (m.group("hw") != null) {
                String mw = m.group("mw");
                String mer = m.group("mer3");
                String before = text.substring(Math.max(0, m.start() - 6), m.start());
                boolean listed = before.matches(".*\\b(at|from|to|until|till|or|and)\\s$") || before.endsWith(", ");
                if (mw == null && mer == null && !listed) {
                    continue;
                }
                int minutes = mw == null || mw.equals("o'clock") ? 0 : mw.equals("thirty") ? 30
                        : mw.equals("fifteen") ? 15 : 45;
                t = clock(SpokenNumbers.value(m.group("hw")), minutes, mer);
            }
            if (t != null) {
                out.add(new Found<>(m.start(), m.end(), t));
            }
        }
        return out;
    }

    private static LocalTime clock(int h, int min, String meridiem) {
        if (h > 23 || min > 59) {
            return null;
        }
        if (meridiem != null) {
            boolean pm = meridiem.startsWith("p");
            if (pm && h < 12) {
                h += 12;
            } else if (!pm && h == 12) {
                h = 0;
            }
        } else if (h >= 1 && h <= 7) {
            h += 12;
        }
        return LocalTime.of(h, min);
    }
}
