package io.switchboard.scheduling.profile;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the owner set from the dashboard on top of the profile file, as written (validated only when applied by
 * {@link BusinessProfileLoader#withOwnerSettings}, by the file's own rules).
 *
 * @param hours      intervals like {@code "08:00-18:00"} for the weekdays the owner set (an empty list: closed);
 *                   other days keep the file's hours
 * @param blackouts  the blackout days like {@code "2026-12-25"} in place of the file's, or null to keep the file's
 * @param faqAnswers answer by FAQ topic; topics the file does not have are ignored
 */
public record OwnerSettings(Map<DayOfWeek, List<String>> hours, List<String> blackouts,
                            Map<String, String> faqAnswers) {

    public static final OwnerSettings NONE = new OwnerSettings(Map.of(), null, Map.of());

    public OwnerSettings {
        EnumMap<DayOfWeek, List<String>> copy = new EnumMap<>(DayOfWeek.class);
        Objects.requireNonNull(hours, "hours").forEach((day, texts) -> copy.put(day, List.copyOf(texts)));
        hours = Collections.unmodifiableMap(copy);
        blackouts = blackouts == null ? null : List.copyOf(blackouts);
        faqAnswers = Map.copyOf(Objects.requireNonNull(faqAnswers, "faqAnswers"));
    }

    public OwnerSettings withHours(Map<DayOfWeek, List<String>> changed) {
        EnumMap<DayOfWeek, List<String>> merged = new EnumMap<>(DayOfWeek.class);
        merged.putAll(hours);
        merged.putAll(changed);
        return new OwnerSettings(merged, blackouts, faqAnswers);
    }

    public OwnerSettings withBlackouts(List<String> days) {
        return new OwnerSettings(hours, days, faqAnswers);
    }

    public OwnerSettings withFaqAnswer(String topic, String answer) {
        Map<String, String> merged = new HashMap<>(faqAnswers);
        merged.put(topic, answer);
        return new OwnerSettings(hours, blackouts, merged);
    }
}
