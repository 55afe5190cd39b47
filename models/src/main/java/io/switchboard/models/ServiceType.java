package io.switchboard.models;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Something the business does, with how long it takes.
 *
 * @param id        stable slug used in storage and APIs ({@code "drain-cleaning"})
 * @param name      how it is said to a caller ({@code "drain cleaning"})
 * @param synonyms  other ways callers name it ({@code "blocked drain"}, {@code "clogged sink"})
 * @param duration  how long a job takes on site
 * @param priceText a price as the owner wants it quoted ({@code "from £95"}); may be empty
 * @param emergency whether this is the emergency call-out service offered for urgent problems
 */
public record ServiceType(String id, String name, List<String> synonyms, Duration duration, String priceText,
                          boolean emergency) {

    public ServiceType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duration, "duration");
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        priceText = priceText == null ? "" : priceText;
        if (id.isBlank()) {
            throw new IllegalArgumentException("service id must not be blank");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("service " + id + " must have a positive duration");
        }
    }
}
