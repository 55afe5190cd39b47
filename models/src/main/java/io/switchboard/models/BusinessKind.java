package io.switchboard.models;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What sort of business this is, which decides the defaults a profile does not spell out: a trade goes to the
 * customer (so it asks for the address), a clinic or a salon is visited (so it does not).
 */
public enum BusinessKind {
    /** Plumbers, electricians, locksmiths: the work happens at the customer's address. */
    TRADES(EnumSet.of(IntakeField.NAME, IntakeField.PHONE, IntakeField.ADDRESS, IntakeField.PROBLEM)),
    /** Dentists, physiotherapists, vets: patients come in. */
    CLINIC(EnumSet.of(IntakeField.NAME, IntakeField.PHONE, IntakeField.PROBLEM)),
    /** Hairdressers, beauty: customers come in and the service says what they want. */
    SALON(EnumSet.of(IntakeField.NAME, IntakeField.PHONE)),
    /** Anything else: the customer comes in; list {@code intake} in the profile to ask for more. */
    OTHER(EnumSet.of(IntakeField.NAME, IntakeField.PHONE, IntakeField.PROBLEM));

    private final Set<IntakeField> defaultIntake;

    BusinessKind(Set<IntakeField> defaultIntake) {
        this.defaultIntake = Set.copyOf(defaultIntake);
    }

    /** What a booking collects when the profile has no {@code intake} list. */
    public Set<IntakeField> defaultIntake() {
        return defaultIntake;
    }

    /** The name used in profiles ({@code clinic}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BusinessKind> ofKey(String key) {
        for (BusinessKind k : values()) {
            if (k.key().equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
