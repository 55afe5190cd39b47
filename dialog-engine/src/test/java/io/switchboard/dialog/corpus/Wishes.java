package io.switchboard.dialog.corpus;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.OpeningHours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Days and times as people say them, each with the window it means (computed here with java.time from the
 * dialog's "now", the way the caller means it), so the judge knows what the caller wanted.
 */
final class Wishes {

    /** A time of day as said, and the start window it means. */
    record Part(String said, LocalTime from, LocalTime to) {
    }

    private final BusinessProfile profile;
    private final LocalDateTime now;
    private final Duration jobLength;

    Wishes(BusinessProfile profile, LocalDateTime now, Duration jobLength) {
        this.profile = profile;
        this.now = now;
        this.jobLength = jobLength;
    }

    LocalDate today() {
        return now.toLocalDate();
    }

    boolean open(LocalDate d) {
        return profile.hours().isOpenOn(d.getDayOfWeek()) && !profile.isBlackout(d)
                && !d.isBefore(today().plusDays(1)) && !d.isAfter(lastBookable());
    }

    LocalDate lastBookable() {
        return today().plusDays(profile.rules().bookingHorizon().toDays() - 1);
    }

    /** The window clipped to opening hours and the job's length; null if nothing is left. */
    Wish.Window window(LocalDate d, LocalTime from, LocalTime to) {
        if (!open(d)) {
            return null;
        }
        OpeningHours h = profile.hours().on(d.getDayOfWeek()).get(0);
        LocalTime lastStart = h.close().minus(jobLength);
        LocalTime f = from.isBefore(h.open()) ? h.open() : from;
        LocalTime t = to.isAfter(lastStart) ? lastStart : to;
        return t.isBefore(f) ? null : new Wish.Window(d, f, t);
    }

    Wish wish(String said, LocalDate d, Part p) {
        Wish.Window w = window(d, p.from, p.to);
        return w == null ? null : new Wish(said, said, List.of(w));
    }

    Wish wishOver(String said, List<LocalDate> days, Part p) {
        List<Wish.Window> ws = new ArrayList<>();
        for (LocalDate d : days) {
            Wish.Window w = window(d, p.from, p.to);
            if (w != null) {
                ws.add(w);
            }
        }
        return ws.isEmpty() ? null : new Wish(said, said, ws);
    }

    static String dayName(LocalDate d) {
        return d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
    }

    /** A day as a person names it so it cannot be mistaken: "friday" this week, "friday the 11th" beyond. */
    String namedDay(LocalDate d) {
        return d.isAfter(today().plusDays(6)) ? dayName(d) + " the " + ordinalSuffix(d.getDayOfMonth()) : dayName(d);
    }

    static String ordinalSuffix(int n) {
        if (n >= 11 && n <= 13) {
            return n + "th";
        }
        return n + switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    static String monthName(LocalDate d) {
        return d.getMonth().getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
    }

    /** A weekday-ish day people would call by name: tomorrow, or the next Monday–Friday (never today). */
    LocalDate plainDay(Random rnd) {
        for (int i = 0; i < 50; i++) {
            LocalDate d = today().plusDays(1 + rnd.nextInt(6));
            if (open(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY) {
                return d;
            }
        }
        throw new IllegalStateException("no open day near " + today());
    }

    String plainDayWords(LocalDate d, Random rnd) {
        return d.equals(today().plusDays(1)) && rnd.nextDouble() < 0.7 ? "tomorrow" : dayName(d);
    }

    static final List<Part> PLAIN_PARTS = List.of(
            new Part("morning", LocalTime.of(8, 0), LocalTime.of(11, 30)),
            new Part("afternoon", LocalTime.of(12, 0), LocalTime.of(17, 0)),
            new Part("at 10am", LocalTime.of(10, 0), LocalTime.of(10, 0)),
            new Part("at 9am", LocalTime.of(9, 0), LocalTime.of(9, 0)),
            new Part("at 11", LocalTime.of(11, 0), LocalTime.of(11, 0)),
            new Part("at 2pm", LocalTime.of(14, 0), LocalTime.of(14, 0)),
            new Part("at 3pm", LocalTime.of(15, 0), LocalTime.of(15, 0)),
            new Part("at 10:30", LocalTime.of(10, 30), LocalTime.of(10, 30)),
            new Part("any time", LocalTime.of(8, 0), LocalTime.of(17, 0)));

    /** "tomorrow morning", "thursday at 2pm", "friday, any time". */
    Wish plain(Random rnd) {
        for (int i = 0; i < 50; i++) {
            LocalDate d = plainDay(rnd);
            Part p = Phrasebook.pick(rnd, PLAIN_PARTS);
            String day = plainDayWords(d, rnd);
            String said = switch (p.said) {
                case "morning", "afternoon" -> rnd.nextBoolean() ? day + " " + p.said : day + " in the " + p.said;
                case "any time" -> day + ", any time";
                default -> rnd.nextBoolean() ? day + " " + p.said : p.said.substring(3) + " " + day;
            };
            if (day.equals("tomorrow") && p.said.equals("morning") && rnd.nextBoolean()) {
                said = "tomorrow morning";
            }
            Wish w = wish(said, d, p);
            if (w != null) {
                return w;
            }
        }
        throw new IllegalStateException("no plain wish");
    }

    /** A plain wish with a morning part, for long jobs. */
    Wish morning(Random rnd) {
        LocalDate d = plainDay(rnd);
        String day = plainDayWords(d, rnd);
        return wish(day + " morning", d, PLAIN_PARTS.get(0));
    }

    LocalDate nextWeekday(DayOfWeek dow) {
        return today().with(TemporalAdjusters.next(dow));
    }

    /** The given weekday in next calendar week (Monday-based). */
    LocalDate nextWeeks(DayOfWeek dow) {
        return today().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(dow));
    }
}
