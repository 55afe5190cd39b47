package io.switchboard.dialog.corpus;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * When a caller wants the job: one or more acceptable windows (start times, inclusive at both ends), and how they
 * say it. A caller accepts any offered start inside a window and nothing else.
 *
 * @param said    the canonical words ("thursday afternoon"), styled per channel when sent
 * @param spoken  the same for a voice caller (numbers as words)
 * @param windows acceptable start windows
 */
record Wish(String said, String spoken, List<Window> windows) {

    record Window(LocalDate day, LocalTime from, LocalTime to) {
        boolean contains(LocalDateTime t) {
            return t.toLocalDate().equals(day) && !t.toLocalTime().isBefore(from) && !t.toLocalTime().isAfter(to);
        }

        boolean exact() {
            return from.equals(to);
        }
    }

    Wish {
        windows = List.copyOf(windows);
    }

    static Wish of(String said, String spoken, LocalDate day, LocalTime from, LocalTime to) {
        return new Wish(said, spoken, List.of(new Window(day, from, to)));
    }

    boolean contains(LocalDateTime t) {
        return windows.stream().anyMatch(w -> w.contains(t));
    }

    boolean coversDay(LocalDate d) {
        return windows.stream().anyMatch(w -> w.day().equals(d));
    }

    /** Only one acceptable start: an exact time on one day. */
    boolean exact() {
        return windows.size() == 1 && windows.get(0).exact();
    }

    Wish narrowedTo(LocalDateTime t) {
        return new Wish(said, spoken, List.of(new Window(t.toLocalDate(), t.toLocalTime(), t.toLocalTime())));
    }

    @Override
    public String toString() {
        return said + " " + windows;
    }
}
