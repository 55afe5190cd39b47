package io.switchboard.dialog.understanding;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out which of the offered slots the caller picked. In order: an explicit "option 2"/"number two"; a time or
 * day that fits exactly one offer ("the 3 o'clock one", "the monday one", "the afternoon one", and a bare "2" when
 * 2pm was offered); a position ("the first one", "the second", "the last one"); "the earlier/later one"; a bare
 * number as a position; and "either"/"whichever" as the earliest offer. "Neither"/"none" picks nothing.
 */
public final class ChoiceExtractor {

    /**
     * @param index      0-based index into the offered starts
     * @param byPosition the choice was by position ("the second one") rather than by time or day
     */
    public record Choice(int index, boolean byPosition) {
    }

    private static final Map<String, Integer> POSITIONS = Map.ofEntries(Map.entry("first", 0), Map.entry("1st", 0),
            Map.entry("second", 1), Map.entry("2nd", 1), Map.entry("third", 2), Map.entry("3rd", 2),
            Map.entry("fourth", 3), Map.entry("4th", 3), Map.entry("fifth", 4), Map.entry("5th", 4),
            Map.entry("former", 0));
    private static final Map<String, Integer> NUMBER_WORDS = Map.of("one", 1, "two", 2, "three", 3, "four", 4,
            "five", 5);
    private static final Set<String> OPTION_WORDS = Set.of("option", "number", "choice", "slot", "no");
    private static final Set<String> EARLIER = Set.of("earlier", "earliest", "sooner", "soonest", "early");
    private static final Set<String> LATER = Set.of("later", "latest", "late", "latter");
    private static final Set<String> LAST = Set.of("last", "final");
    private static final Set<String> FILLERS = Set.of("um", "umm", "uh", "er", "erm", "ok", "okay", "so", "yeah",
            "yes", "right", "well", "hmm", "oh");
    private static final Set<String> CLOCK_SUFFIX = Set.of("am", "pm", "oclock", "ish");
    private static final Set<String> EITHER = Set.of("either", "whichever", "any", "anyone");

    private final DateTimeExtractor dates = new DateTimeExtractor();

    /**
     * @param normalized    text from {@link TextNormalizer}
     * @param offeredStarts the starts offered, in the order they were offered
     * @param now           the current time in the business time zone (for "the monday one")
     */
    public Optional<Choice> choose(String normalized, List<ZonedDateTime> offeredStarts, ZonedDateTime now) {
        if (normalized == null || normalized.isBlank() || offeredStarts == null || offeredStarts.isEmpty()
                || now == null) {
            return Optional.empty();
        }
        List<String> t = new ArrayList<>(List.of(normalized.trim().split(" +")));
        if (t.size() > 1) {
            t.removeIf(FILLERS::contains); // "um 2", "ok the second"
        }
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.contains("neither") || t.contains("none")) {
            return Optional.empty();
        }
        int n = offeredStarts.size();
        List<LocalDateTime> offered = new ArrayList<>(n);
        for (ZonedDateTime start : offeredStarts) {
            offered.add(start.withZoneSameInstant(now.getZone()).toLocalDateTime());
        }
        for (int i = 0; i + 1 < t.size(); i++) {
            if (OPTION_WORDS.contains(t.get(i))) {
                int value = number(t.get(i + 1));
                if (value >= 1 && value <= n) {
                    return Optional.of(new Choice(value - 1, true));
                }
            }
        }
        Optional<Choice> byTime = byTimeOrDay(normalized, offered, now);
        if (byTime.isPresent()) {
            return byTime;
        }
        for (String w : t) {
            Integer position = POSITIONS.get(w);
            if (position != null && position < n) {
                return Optional.of(new Choice(position, true));
            }
            if (LAST.contains(w)) {
                return Optional.of(new Choice(n - 1, true));
            }
            if (w.equals("middle") && n == 3) {
                return Optional.of(new Choice(1, true));
            }
        }
        for (String w : t) {
            if (EARLIER.contains(w)) {
                return Optional.of(new Choice(extreme(offered, true), false));
            }
            if (LATER.contains(w)) {
                return Optional.of(new Choice(extreme(offered, false), false));
            }
        }
        if (t.size() <= 2 && !(t.size() == 2 && CLOCK_SUFFIX.contains(t.get(1)))) {
            // "3" or "2 please" is a position; "3 pm" is a clock time, not the third offer.
            int value = number(t.get(0));
            if (value >= 1 && value <= n) {
                return Optional.of(new Choice(value - 1, true));
            }
        }
        for (String w : t) {
            if (EITHER.contains(w)) {
                return Optional.of(new Choice(extreme(offered, true), false));
            }
        }
        return Optional.empty();
    }

    private Optional<Choice> byTimeOrDay(String normalized, List<LocalDateTime> offered, ZonedDateTime now) {
        for (DateTimeExtractor.Reading reading : dates.read(normalized, now, true)) {
            TimePreference pref = reading.preference();
            if (pref.time() == null && pref.date() == null && pref.partOfDay() == null) {
                continue;
            }
            List<Integer> fits = new ArrayList<>();
            for (int i = 0; i < offered.size(); i++) {
                LocalDateTime o = offered.get(i);
                boolean timeFits = pref.time() == null || (o.getMinute() == pref.time().getMinute()
                        && o.getHour() % 12 == pref.time().getHour() % 12);
                boolean dateFits = pref.date() == null || o.toLocalDate().equals(pref.date())
                        || sameWeekdayToday(reading, o, now);
                boolean partFits = pref.partOfDay() == null || pref.partOfDay().contains(o.toLocalTime());
                if (timeFits && dateFits && partFits) {
                    fits.add(i);
                }
            }
            if (fits.size() > 1 && pref.time() != null) {
                // 3 and 15:00 both fit "3" only when both were offered; the exact one wins.
                List<Integer> exact = fits.stream()
                        .filter(i -> offered.get(i).toLocalTime().equals(pref.time())).toList();
                fits = exact.isEmpty() ? fits : exact;
            }
            if (fits.size() == 1) {
                return Optional.of(new Choice(fits.get(0), false));
            }
        }
        return Optional.empty();
    }

    /**
     * A bare weekday said on that weekday ("thurs at 4" on a Thursday) is read as a week today, but it may mean
     * today; an offer of today settles it.
     */
    private static boolean sameWeekdayToday(DateTimeExtractor.Reading reading, LocalDateTime offer, ZonedDateTime now) {
        return reading.bareWeekday() != null && reading.bareWeekday() == now.getDayOfWeek()
                && offer.toLocalDate().equals(now.toLocalDate());
    }

    private static int extreme(List<LocalDateTime> offered, boolean earliest) {
        int best = 0;
        for (int i = 1; i < offered.size(); i++) {
            boolean better = earliest ? offered.get(i).isBefore(offered.get(best))
                    : offered.get(i).isAfter(offered.get(best));
            if (better) {
                best = i;
            }
        }
        return best;
    }

    private static int number(String w) {
        if (NUMBER_WORDS.containsKey(w)) {
            return NUMBER_WORDS.get(w);
        }
        if (w.length() <= 2 && !w.isEmpty() && w.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(w);
        }
        return -1;
    }
}
