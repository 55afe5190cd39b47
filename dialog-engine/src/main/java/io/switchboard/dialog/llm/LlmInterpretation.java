package io.switchboard.dialog.llm;

import io.switchboard.models.Intent;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What the model says a message means, after validation: every present value has passed the same checks
 * as rule-extracted input. It is a reading of the message, never a decision; booking rules still apply.
 *
 * @param intent    what the message asks for ({@link Intent#UNKNOWN} when it only supplies details)
 * @param name      the caller's name, cleaned and at most 80 characters
 * @param phone     a callback number in E.164
 * @param address   the service address, at most 200 characters
 * @param problem   the problem in the caller's words, at most 300 characters
 * @param serviceId one of the business's service ids
 * @param date      a wanted day within a year from today
 * @param time      a wanted time of day
 * @param emergency whether the model judged the situation urgent
 */
public record LlmInterpretation(Intent intent, Optional<String> name, Optional<String> phone,
                                Optional<String> address, Optional<String> problem, Optional<String> serviceId,
                                Optional<LocalDate> date, Optional<LocalTime> time, boolean emergency) {

    public LlmInterpretation {
        Objects.requireNonNull(intent, "intent");
        name = orEmpty(name);
        phone = orEmpty(phone);
        address = orEmpty(address);
        problem = orEmpty(problem);
        serviceId = orEmpty(serviceId);
        date = orEmpty(date);
        time = orEmpty(time);
    }

    /** An interpretation with an intent and no slots. */
    public static LlmInterpretation of(Intent intent) {
        return new LlmInterpretation(intent, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** True when at least one slot (or the emergency flag) carries information. */
    public boolean hasSlots() {
        return name.isPresent() || phone.isPresent() || address.isPresent() || problem.isPresent()
                || serviceId.isPresent() || date.isPresent() || time.isPresent() || emergency;
    }

    /** Masks the personal slots: interpretations may be logged while debugging the fallback. */
    @Override
    public String toString() {
        return "LlmInterpretation[intent=" + intent + ", name=" + present(name) + ", phone=" + present(phone)
                + ", address=" + present(address) + ", problem=" + present(problem) + ", serviceId="
                + serviceId.orElse("-") + ", date=" + date.map(Object::toString).orElse("-") + ", time="
                + time.map(Object::toString).orElse("-") + ", emergency=" + emergency + "]";
    }

    private static String present(Optional<String> value) {
        return value.isPresent() ? "***" : "-";
    }

    @SuppressWarnings("OptionalAssignedToNull")
    private static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }
}
