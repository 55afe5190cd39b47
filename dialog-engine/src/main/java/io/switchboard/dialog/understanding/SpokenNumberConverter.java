package io.switchboard.dialog.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns number words from speech-to-text into digits where the reading is unambiguous.
 * <ul>
 *   <li>digit strings: runs with "oh", "zero", "double", "triple" or three or more single digits
 *       ("oh seven seven double one" to {@code 07711}, "one two three four" to {@code 1234});</li>
 *   <li>clock times: an hour word followed by minutes ("three thirty" to {@code 3:30}, "nine oh five" to
 *       {@code 9:05}), "half past two", "quarter to four", "twenty past three", "half two", "half one" (UK: 1:30),
 *       "three o'clock";</li>
 *   <li>ordinals: "twenty third" to {@code 23rd}, "the third" to {@code the 3rd}, except before words such as
 *       "thing", "one", "available" where "first" is not a date;</li>
 *   <li>cardinals: "twenty five" to {@code 25}. A lone "one" stays a word ("the later one") unless a time or
 *       house-number context says otherwise.</li>
 * </ul>
 */
final class SpokenNumberConverter {

    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("nought", 0),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9));
    private static final Set<String> OH = Set.of("oh", "o");
    private static final Map<String, Integer> TEENS = Map.of("ten", 10, "eleven", 11, "twelve", 12,
            "thirteen", 13, "fourteen", 14, "fifteen", 15, "sixteen", 16, "seventeen", 17, "eighteen", 18,
            "nineteen", 19);
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Integer> UNIT_ORDINALS = Map.of("first", 1, "second", 2, "third", 3,
            "fourth", 4, "fifth", 5, "sixth", 6, "seventh", 7, "eighth", 8, "ninth", 9);
    private static final Map<String, Integer> OTHER_ORDINALS = Map.ofEntries(Map.entry("tenth", 10),
            Map.entry("eleventh", 11), Map.entry("twelfth", 12), Map.entry("thirteenth", 13),
            Map.entry("fourteenth", 14), Map.entry("fifteenth", 15), Map.entry("sixteenth", 16),
            Map.entry("seventeenth", 17), Map.entry("eighteenth", 18), Map.entry("nineteenth", 19),
            Map.entry("twentieth", 20), Map.entry("thirtieth", 30));
    /** "first thing", "the first one", "first available", "a second": ordinal words that are not dates. */
    private static final Set<String> ORDINAL_STAYS_BEFORE = Set.of("thing", "things", "available", "availability",
            "one", "ones", "option", "options", "slot", "slots", "appointment", "appointments", "time", "times",
            "opening", "openings", "floor", "name", "choice", "half", "week", "of", "and", "off", "job", "visit");
    private static final Set<String> ORDINAL_STAYS_AFTER = Set.of("a", "at", "per", "my", "your", "our", "just");
    /** Before a house or flat number a pair like "two fifteen" is two numbers, not a time. */
    private static final Set<String> ADDRESS_CUES = Set.of("flat", "number", "unit", "apartment", "apt", "house",
            "plot", "no");
    private static final Set<String> ONE_IS_NUMBER_AFTER = Set.of("at", "around", "about", "by", "after", "before",
            "from", "until", "between", "to", "and", "past", "flat", "number", "option", "unit", "house",
            "apartment", "say", "do", "it", "or", "than", "pin", "is", "half");
    private static final Set<String> ONE_IS_NUMBER_BEFORE = Set.of("am", "pm", "oclock", "ish", "or", "to",
            "and", "past");

    List<String> convert(List<String> tokens) {
        List<String> t = compoundOrdinals(tokens);
        t = runs(t);
        return timePhrases(t);
    }

    // --- ordinals --------------------------------------------------------------------------------------------

    private static List<String> compoundOrdinals(List<String> in) {
        List<String> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            String tok = in.get(i);
            String next = i + 1 < in.size() ? in.get(i + 1) : "";
            String prev = out.isEmpty() ? "" : out.get(out.size() - 1);
            if (TENS.containsKey(tok) && UNIT_ORDINALS.containsKey(next)) {
                out.add(TimeWords.ordinal(TENS.get(tok) + UNIT_ORDINALS.get(next)));
                i++;
            } else if (UNIT_ORDINALS.containsKey(tok) || OTHER_ORDINALS.containsKey(tok)) {
                int value = UNIT_ORDINALS.containsKey(tok) ? UNIT_ORDINALS.get(tok) : OTHER_ORDINALS.get(tok);
                boolean dayContext = prev.equals("the") || prev.equals("on")
                        || TimeWords.WEEKDAYS.containsKey(prev) || TimeWords.MONTHS.containsKey(prev);
                boolean ofMonth = next.equals("of") && i + 2 < in.size() && TimeWords.MONTHS.containsKey(in.get(i + 2));
                boolean stays = (ORDINAL_STAYS_BEFORE.contains(next) && !ofMonth) || ORDINAL_STAYS_AFTER.contains(prev)
                        || (next.isEmpty() && !dayContext);
                out.add(stays ? tok : TimeWords.ordinal(value));
            } else {
                out.add(tok);
            }
        }
        return out;
    }

    // --- number word runs ------------------------------------------------------------------------------------

    private static boolean isNumberWord(List<String> t, int i) {
        String w = t.get(i);
        if (UNITS.containsKey(w) || TEENS.containsKey(w) || TENS.containsKey(w) || w.equals("hundred")
                || w.equals("thousand")) {
            return true;
        }
        if (w.equals("double") || w.equals("triple")) {
            return i + 1 < t.size() && (UNITS.containsKey(t.get(i + 1)) || OH.contains(t.get(i + 1)));
        }
        if (OH.contains(w)) {
            // "oh" is a zero only next to other numbers; alone it is an interjection ("oh yes").
            boolean nextIsNumber = i + 1 < t.size() && (UNITS.containsKey(t.get(i + 1))
                    || OH.contains(t.get(i + 1)) || t.get(i + 1).equals("double") || t.get(i + 1).equals("triple"));
            boolean prevIsNumber = i > 0 && (UNITS.containsKey(t.get(i - 1)) || TEENS.containsKey(t.get(i - 1))
                    || t.get(i - 1).equals("double") || t.get(i - 1).equals("triple") || OH.contains(t.get(i - 1)));
            return nextIsNumber || prevIsNumber;
        }
        return false;
    }

    private static List<String> runs(List<String> t) {
        List<String> out = new ArrayList<>(t.size());
        int i = 0;
        while (i < t.size()) {
            if (!isNumberWord(t, i)) {
                out.add(t.get(i));
                i++;
                continue;
            }
            int j = i;
            while (j < t.size() && (isNumberWord(t, j) || isJoiningAnd(t, j))) {
                j++;
            }
            String prev = out.isEmpty() ? "" : out.get(out.size() - 1);
            String next = j < t.size() ? t.get(j) : "";
            out.addAll(convertRun(t.subList(i, j), prev, next));
            i = j;
        }
        return out;
    }

    private static boolean isJoiningAnd(List<String> t, int j) {
        return t.get(j).equals("and") && j > 0 && j + 1 < t.size()
                && (t.get(j - 1).equals("hundred") || t.get(j - 1).equals("thousand"))
                && (UNITS.containsKey(t.get(j + 1)) || TEENS.containsKey(t.get(j + 1)) || TENS.containsKey(t.get(j + 1)));
    }

    private static List<String> convertRun(List<String> run, String prev, String next) {
        int leadingOh = 0;
        while (leadingOh < run.size() && OH.contains(run.get(leadingOh))) {
            leadingOh++;
        }
        if (leadingOh == run.size()) {
            return run;
        }
        if (leadingOh > 0) {
            List<String> rest = run.subList(leadingOh, run.size());
            if (rest.size() == 1 || clockTime(rest) != null) {
                List<String> out = new ArrayList<>(run.subList(0, leadingOh));
                out.addAll(convertRun(rest, run.get(leadingOh - 1), next));
                return out;
            }
        }
        String clock = ADDRESS_CUES.contains(prev) ? null : clockTime(run);
        if (clock != null) {
            return List.of(clock);
        }
        if (isDigitString(run)) {
            return List.of(digits(run));
        }
        if (run.size() == 1 && run.get(0).equals("one")
                && !ONE_IS_NUMBER_AFTER.contains(prev) && !ONE_IS_NUMBER_BEFORE.contains(next)) {
            return run;
        }
        return cardinals(run);
    }

    /** "three thirty", "eleven forty five", "nine oh five", "fifteen thirty"; null when not a clock time. */
    private static String clockTime(List<String> run) {
        if (run.size() < 2 || run.size() > 3) {
            return null;
        }
        String h = run.get(0);
        int hour = UNITS.containsKey(h) ? UNITS.get(h) : TEENS.getOrDefault(h, -1);
        if (hour < 1 || hour > 19) {
            return null;
        }
        int minute = -1;
        if (run.size() == 2) {
            String m = run.get(1);
            if (TEENS.containsKey(m)) {
                minute = TEENS.get(m);
            } else if (TENS.containsKey(m) && TENS.get(m) < 60) {
                minute = TENS.get(m);
            }
        } else {
            String m1 = run.get(1);
            String m2 = run.get(2);
            int unit = UNITS.getOrDefault(m2, -1);
            if (TENS.containsKey(m1) && TENS.get(m1) < 60 && unit >= 1) {
                minute = TENS.get(m1) + unit;
            } else if (OH.contains(m1) && unit >= 1) {
                minute = unit;
            }
        }
        if (minute < 0) {
            return null;
        }
        return hour + ":" + (minute < 10 ? "0" : "") + minute;
    }

    private static boolean isDigitString(List<String> run) {
        int units = 0;
        for (String w : run) {
            if (w.equals("double") || w.equals("triple") || OH.contains(w) || w.equals("zero")
                    || w.equals("nought")) {
                return true;
            }
            if (UNITS.containsKey(w)) {
                units++;
            }
        }
        return units >= 3 || (run.size() >= 2 && units == run.size());
    }

    private static String digits(List<String> run) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < run.size(); k++) {
            String w = run.get(k);
            if ((w.equals("double") || w.equals("triple")) && k + 1 < run.size()) {
                String d = digitOf(run.get(k + 1));
                b.append(d.repeat(w.equals("double") ? 2 : 3));
                k++;
            } else if (UNITS.containsKey(w) || OH.contains(w)) {
                b.append(digitOf(w));
            } else if (TEENS.containsKey(w)) {
                b.append(TEENS.get(w));
            } else if (TENS.containsKey(w)) {
                int v = TENS.get(w);
                if (k + 1 < run.size() && UNITS.containsKey(run.get(k + 1)) && UNITS.get(run.get(k + 1)) > 0) {
                    v += UNITS.get(run.get(k + 1));
                    k++;
                }
                b.append(v);
            } else if (w.equals("hundred")) {
                b.append("00");
            } else if (w.equals("thousand")) {
                b.append("000");
            }
        }
        return b.toString();
    }

    private static String digitOf(String w) {
        return OH.contains(w) ? "0" : String.valueOf(UNITS.getOrDefault(w, 0));
    }

    /** Greedy: the longest well-formed cardinal, then the next ("two three" is 2 3, "twenty five" is 25). */
    private static List<String> cardinals(List<String> run) {
        List<String> out = new ArrayList<>();
        int k = 0;
        while (k < run.size()) {
            String w = run.get(k);
            if (w.equals("and")) {
                k++;
                continue;
            }
            int value;
            if (UNITS.containsKey(w) || TEENS.containsKey(w)) {
                value = UNITS.containsKey(w) ? UNITS.get(w) : TEENS.get(w);
                k++;
                if (k < run.size() && run.get(k).equals("hundred")) {
                    value *= 100;
                    k++;
                    int[] rest = belowHundred(run, k);
                    value += rest[0];
                    k = rest[1];
                }
            } else if (TENS.containsKey(w)) {
                int[] v = belowHundred(run, k);
                value = v[0];
                k = v[1];
            } else if (w.equals("hundred")) {
                k++;
                int[] rest = belowHundred(run, k);
                value = 100 + rest[0];
                k = rest[1];
            } else if (w.equals("thousand")) {
                k++;
                if (!out.isEmpty()) {
                    out.set(out.size() - 1, String.valueOf(Integer.parseInt(out.get(out.size() - 1)) * 1000));
                    continue;
                }
                value = 1000;
            } else {
                out.add(w);
                k++;
                continue;
            }
            out.add(String.valueOf(value));
        }
        return out;
    }

    /** Reads "[and] tens [unit] | teen | unit" from k; returns {value, next index}. */
    private static int[] belowHundred(List<String> run, int k) {
        if (k < run.size() && run.get(k).equals("and")) {
            k++;
        }
        if (k >= run.size()) {
            return new int[] {0, k};
        }
        String w = run.get(k);
        if (TENS.containsKey(w)) {
            int v = TENS.get(w);
            k++;
            if (k < run.size() && UNITS.containsKey(run.get(k)) && UNITS.get(run.get(k)) > 0) {
                v += UNITS.get(run.get(k));
                k++;
            }
            return new int[] {v, k};
        }
        if (TEENS.containsKey(w)) {
            return new int[] {TEENS.get(w), k + 1};
        }
        if (UNITS.containsKey(w)) {
            return new int[] {UNITS.get(w), k + 1};
        }
        return new int[] {0, k};
    }

    // --- "half past two", "quarter to four", "three o'clock" -----------------------------------------------

    private static List<String> timePhrases(List<String> t) {
        List<String> out = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            String w = t.get(i);
            String prev = out.isEmpty() ? "" : out.get(out.size() - 1);
            int minutesTokenEnd = i;
            if (TimeWords.isInteger(w) && i + 1 < t.size() && (t.get(i + 1).equals("minutes")
                    || t.get(i + 1).equals("minute"))) {
                minutesTokenEnd = i + 1;
            }
            String rel = minutesTokenEnd + 1 < t.size() ? t.get(minutesTokenEnd + 1) : "";
            int hour = minutesTokenEnd + 2 < t.size() ? hourValue(t.get(minutesTokenEnd + 2)) : -1;
            String after = minutesTokenEnd + 3 < t.size() ? t.get(minutesTokenEnd + 3) : "";
            if ((rel.equals("past") || rel.equals("to")) && hour > 0) {
                int minutes = -1;
                if (w.equals("half") && rel.equals("past")) {
                    minutes = 30;
                } else if (w.equals("quarter")) {
                    minutes = 15;
                } else if (TimeWords.isInteger(w)) {
                    int m = Integer.parseInt(w);
                    boolean spelledMinutes = minutesTokenEnd > i;
                    if (rel.equals("past") && m >= 1 && m <= 30) {
                        minutes = m;
                    } else if (rel.equals("to") && !prev.equals("from") && !prev.equals("between")
                            && (spelledMinutes || m == 5 || m == 20 || m == 25 || (m == 10
                            && (after.equals("am") || after.equals("pm") || prev.equals("at")
                            || prev.equals("about") || prev.equals("around") || prev.equals("by"))))) {
                        minutes = m;
                    }
                }
                if (minutes > 0) {
                    if (prev.equals("a") && w.equals("quarter")) {
                        out.remove(out.size() - 1);
                    }
                    out.add(rel.equals("past") ? clock(hour, minutes) : clock(hour == 1 ? 12 : hour - 1, 60 - minutes));
                    i = minutesTokenEnd + 2;
                    continue;
                }
            }
            if (w.equals("half") && i + 1 < t.size() && hourValue(t.get(i + 1)) > 0 && !prev.equals("and")
                    && !prev.equals("a") && !(i + 2 < t.size() && (t.get(i + 2).startsWith("hour")))) {
                out.add(clock(hourValue(t.get(i + 1)), 30));
                i++;
                continue;
            }
            if (TimeWords.isInteger(w) && i + 1 < t.size() && t.get(i + 1).equals("oclock")) {
                int h = Integer.parseInt(w);
                if (h >= 0 && h <= 23) {
                    out.add(clock(h, 0));
                    i++;
                    continue;
                }
            }
            out.add(w);
        }
        return out;
    }

    private static int hourValue(String w) {
        if (!TimeWords.isInteger(w)) {
            return -1;
        }
        int h = Integer.parseInt(w);
        return h >= 1 && h <= 12 ? h : -1;
    }

    private static String clock(int hour, int minute) {
        return hour + ":" + (minute < 10 ? "0" : "") + minute;
    }
}
