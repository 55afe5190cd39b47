package io.switchboard.models;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Opening hours per day of the week; a day with no entries is closed. */
public record WeeklyHours(Map<DayOfWeek, List<OpeningHours>> days) {

    public WeeklyHours {
        EnumMap<DayOfWeek, List<OpeningHours>> copy = new EnumMap<>(DayOfWeek.class);
        if (days != null) {
            days.forEach((day, hours) -> {
                List<OpeningHours> sorted = hours.stream()
                        .sorted((a, b) -> a.open().compareTo(b.open()))
                        .toList();
                for (int i = 1; i < sorted.size(); i++) {
                    if (sorted.get(i).open().isBefore(sorted.get(i - 1).close())) {
                        throw new IllegalArgumentException("opening hours overlap on " + day);
                    }
                }
                copy.put(day, sorted);
            });
        }
        days = Collections.unmodifiableMap(copy);
    }

    public List<OpeningHours> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    public boolean isOpenOn(DayOfWeek day) {
        return !on(day).isEmpty();
    }
}
