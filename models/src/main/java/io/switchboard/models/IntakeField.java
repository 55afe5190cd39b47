package io.switchboard.models;

import java.util.Locale;
import java.util.Optional;

/**
 * Something a booking conversation collects from the caller before it books. Which ones a business needs is part of
 * its profile ({@link BusinessProfile#intake()}): a plumber goes to the customer and needs the address, a dentist's
 * patients come in and need none.
 */
public enum IntakeField {
    NAME,
    /** Always required: confirmations, changes and cancellations are tied to the booking's number. */
    PHONE,
    /** Where the job is: asked only of businesses that go to their customers. */
    ADDRESS,
    /** What the caller wants done, in their words. */
    PROBLEM;

    /** The name used in profiles ({@code address}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IntakeField> ofKey(String key) {
        for (IntakeField f : values()) {
            if (f.key().equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
