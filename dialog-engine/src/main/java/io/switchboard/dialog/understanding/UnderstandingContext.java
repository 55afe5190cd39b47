package io.switchboard.dialog.understanding;

import io.switchboard.models.BusinessProfile;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What understanding a turn needs besides its text.
 *
 * @param now           the current time (any zone; it is read in the business time zone)
 * @param profile       the business
 * @param expected      what the dialog asked last; {@code null} means {@link Expectation#NONE}
 * @param offeredStarts the slot starts just offered, in the order offered; {@code null} means none
 */
public record UnderstandingContext(ZonedDateTime now, BusinessProfile profile, Expectation expected,
                                   List<ZonedDateTime> offeredStarts) {

    public UnderstandingContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(profile, "profile");
        expected = expected == null ? Expectation.NONE : expected;
        offeredStarts = offeredStarts == null ? List.of() : List.copyOf(offeredStarts);
    }

    public static UnderstandingContext of(ZonedDateTime now, BusinessProfile profile) {
        return new UnderstandingContext(now, profile, Expectation.NONE, List.of());
    }
}
