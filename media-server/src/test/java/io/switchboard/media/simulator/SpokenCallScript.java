package io.switchboard.media.simulator;

import io.switchboard.dialog.understanding.Expectation;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One caller of the spoken-call corpus: what they want, how they say it, and what a right outcome is. The caller
 * answers what the receptionist asks, the way a person does: the first time in their own words, a second time in
 * other words, and by keypad when the receptionist asks for keys.
 *
 * @param id       short name for reports ({@code "book-07"})
 * @param kind     what the call is for
 * @param phone    the caller's number (caller ID)
 * @param opening  the first thing they say, after the greeting
 * @param answers  per question asked, the caller's phrasings in the order they would try them
 * @param keys     per question, what the caller keys when asked to use the keypad
 * @param existing the caller's appointment before the call (rescheduling, cancelling), or null
 * @param expected what a right outcome is
 */
public record SpokenCallScript(String id, Kind kind, String phone, String opening,
                               Map<Expectation.Slot, List<String>> answers, Map<Expectation.Slot, String> keys,
                               Existing existing, Expected expected) {

    /** What a call is for. */
    public enum Kind { BOOKING, RESCHEDULE, CANCEL, EMERGENCY, OWNER }

    /** The appointment the caller already has: a service at a start. */
    public record Existing(String serviceId, LocalDateTime start) {
    }

    /**
     * A right outcome: for bookings and moves an appointment of {@code serviceId} at {@code start} under
     * {@code name}; for cancellations the existing appointment cancelled; for emergencies the owner alerted; for the
     * owner the diary briefing reached. Null fields are not checked.
     */
    public record Expected(String serviceId, LocalDateTime start, String name, String address) {
    }

    /** What the caller says when the receptionist asks whether there is anything else, or the call is done. */
    public static final String DONE = "no thank you goodbye";

    public SpokenCallScript {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(opening, "opening");
        Map<Expectation.Slot, List<String>> a = new EnumMap<>(Expectation.Slot.class);
        answers.forEach((slot, lines) -> a.put(slot, List.copyOf(lines)));
        answers = Map.copyOf(a);
        keys = Map.copyOf(keys);
    }

    /** The {@code attempt}th (0-based) phrasing for {@code slot}, the last one again once they run out. */
    public String answer(Expectation.Slot slot, int attempt) {
        List<String> lines = answers.getOrDefault(slot, List.of());
        if (lines.isEmpty()) {
            return null;
        }
        return lines.get(Math.min(attempt, lines.size() - 1));
    }

    /** What the caller says when a read-back got {@code answer}'s slot wrong: "no", then that answer again. */
    public static String correction(String answer) {
        return "no " + answer;
    }

    /** Every line this caller may say, for rendering before the call. */
    public Set<String> allLines() {
        Set<String> lines = new LinkedHashSet<>();
        lines.add(opening);
        answers.values().forEach(lines::addAll);
        for (Expectation.Slot checked : List.of(Expectation.Slot.SERVICE, Expectation.Slot.DATE_TIME,
                Expectation.Slot.NAME, Expectation.Slot.ADDRESS)) {
            answers.getOrDefault(checked, List.of()).forEach(a -> lines.add(correction(a)));
        }
        lines.add(SpokenCaller.NO);
        lines.add(DONE);
        return lines;
    }

    /** A builder for the corpus's table of callers. */
    static Builder of(String id, Kind kind, String phone, String opening) {
        return new Builder(id, kind, phone, opening);
    }

    static final class Builder {
        private final String id;
        private final Kind kind;
        private final String phone;
        private final String opening;
        private final Map<Expectation.Slot, List<String>> answers = new EnumMap<>(Expectation.Slot.class);
        private final Map<Expectation.Slot, String> keys = new EnumMap<>(Expectation.Slot.class);
        private Existing existing;

        private Builder(String id, Kind kind, String phone, String opening) {
            this.id = id;
            this.kind = kind;
            this.phone = phone;
            this.opening = opening;
        }

        Builder says(Expectation.Slot slot, String... lines) {
            answers.computeIfAbsent(slot, s -> new ArrayList<>()).addAll(List.of(lines));
            return this;
        }

        Builder keys(Expectation.Slot slot, String digits) {
            keys.put(slot, digits);
            return this;
        }

        Builder having(String serviceId, LocalDateTime start) {
            existing = new Existing(serviceId, start);
            return this;
        }

        SpokenCallScript expecting(Expected expected) {
            answers.putIfAbsent(Expectation.Slot.YES_NO, List.of("yes", "yes please"));
            keys.putIfAbsent(Expectation.Slot.YES_NO, "1");
            keys.putIfAbsent(Expectation.Slot.SLOT_CHOICE, "1");
            keys.putIfAbsent(Expectation.Slot.PHONE, phone.replace("+44", "0"));
            return new SpokenCallScript(id, kind, phone, opening, answers, keys, existing, expected);
        }
    }
}
