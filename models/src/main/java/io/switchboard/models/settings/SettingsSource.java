package io.switchboard.models.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where settings come from: named string values, read-only (the process environment, layered over a settings file).
 * Each module's settings record has one parser from a source; the server builds the source once at start-up and
 * nothing reads the environment after that, so every value is parsed in one place and every bad one is reported
 * together.
 */
public interface SettingsSource {

    /** The value as given, or {@code null} when the key is not set. */
    String get(String key);

    /** Every key that has a value. */
    Set<String> keys();

    /** The value as given, or {@code fallback} when the key is not set. */
    default String getOrDefault(String key, String fallback) {
        String value = get(key);
        return value == null ? fallback : value;
    }

    /** The value without surrounding white space; empty when the key is unset or blank. */
    default Optional<String> value(String key) {
        String value = get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** Whether the key has a non-blank value. */
    default boolean isSet(String key) {
        return value(key).isPresent();
    }

    /** This source, falling back to {@code lower} for keys this one does not set (the environment over a file). */
    default SettingsSource over(SettingsSource lower) {
        SettingsSource upper = this;
        return new SettingsSource() {
            @Override
            public String get(String key) {
                String value = upper.get(key);
                return value != null ? value : lower.get(key);
            }

            @Override
            public Set<String> keys() {
                Set<String> keys = new TreeSet<>(lower.keys());
                keys.addAll(upper.keys());
                return Set.copyOf(keys);
            }
        };
    }

    /** A source over a copy of {@code values}; keys mapped to {@code null} count as unset. */
    static SettingsSource of(Map<String, String> values) {
        Map<String, String> copy = new HashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        Map<String, String> frozen = Map.copyOf(copy);
        return new SettingsSource() {
            @Override
            public String get(String key) {
                return frozen.get(key);
            }

            @Override
            public Set<String> keys() {
                return frozen.keySet();
            }

            @Override
            public String toString() {
                // Values may be secrets: name the keys only.
                return "SettingsSource" + new TreeSet<>(frozen.keySet());
            }
        };
    }

    /** Nothing set: every setting takes its default. */
    static SettingsSource empty() {
        return of(Map.of());
    }
}
