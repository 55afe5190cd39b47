package io.switchboard.dialog.flow;

import io.switchboard.dialog.understanding.AddressParts;
import io.switchboard.dialog.understanding.TimePreference;
import io.switchboard.models.Intent;
import io.switchboard.models.ServiceType;

import java.util.List;

/**
 * What one message said, from the rules, then the knowledge layer, then (validated) the LLM fallback: the single
 * shape the flows read. Fields are null when not said; {@code scope} says whether the request is work the business
 * does not do, or which services to ask between.
 */
public record Heard(Intent intent, boolean confident, String name, String phone, String address, ServiceType service,
             List<TimePreference> times, boolean emergency, String digits, Integer choice, String problem,
             String faqAnswer, String text, String original, boolean correction, boolean earlier,
             List<TimePreference> existing, String email, AddressParts addressParts, ServiceScope scope) {

    public Heard {
        times = times == null ? List.of() : List.copyOf(times);
        text = text == null ? "" : text;
        original = original == null ? "" : original;
        existing = existing == null ? List.of() : List.copyOf(existing);
        scope = scope == null ? ServiceScope.NONE : scope;
    }

    static Heard digitsOnly(String digits) {
        return new Heard(Intent.UNKNOWN, true, null, null, null, null, List.of(), false, digits, null, null, null, digits,
                digits, false, false, List.of(), null, null, ServiceScope.NONE);
    }

    /** Keypad digits that answer the pending question: a pick ({@code choice}), a yes/no, or a phone number. */
    static Heard keyed(String digits, Intent intent, Integer choice, String phone) {
        return new Heard(intent, true, null, phone, null, null, List.of(), false, digits, choice, null, null, digits,
                digits, false, false, List.of(), null, null, ServiceScope.NONE);
    }

    /** A date keyed on the keypad in answer to "when?": the day, no time yet. */
    static Heard keyedDate(String digits, java.time.LocalDate date) {
        return new Heard(Intent.UNKNOWN, true, null, null, null, null,
                List.of(new TimePreference(date, null, null, null, null, false, false)), false, digits, null, null,
                null, digits, digits, false, false, List.of(), null, null, ServiceScope.NONE);
    }

    static Heard nothing() {
        return new Heard(Intent.UNKNOWN, true, null, null, null, null, List.of(), false, null, null, null, null, "", "",
                false, false, List.of(), null, null, ServiceScope.NONE);
    }

    boolean is(Intent i) {
        return intent == i;
    }

    boolean hasTimes() {
        return times.stream().anyMatch(t -> !t.isEmpty());
    }

    boolean isBlank() {
        return text.isBlank() && (digits == null || digits.isBlank());
    }

    Heard with(Intent newIntent, boolean newConfident, ServiceType newService, String newFaqAnswer,
               ServiceScope newScope) {
        return new Heard(newIntent, newConfident, name, phone, address, newService, times, emergency, digits, choice,
                problem, newFaqAnswer, text, original, correction, earlier, existing, email, addressParts, newScope);
    }

    /** Anything a booking flow can use. */
    boolean hasBookingContent() {
        return service != null || hasTimes() || name != null || address != null || phone != null;
    }
}
