package io.switchboard.scheduling.availability;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.OpeningHours;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The static rules of when a job may take place: opening hours, blackout days, minimum notice and horizon.
 * Shared by the slot search and by the booking check so both say the same thing.
 */
public final class BookingWindow {

    /** Why a proposed start cannot be booked, before looking at other bookings. */
    public enum Violation { IN_THE_PAST, TOO_SOON, BEYOND_HORIZON, BLACKOUT, OUTSIDE_HOURS }

    /** Read on each use: the owner can change hours and blackout days while the server runs. */
    private final Supplier<BusinessProfile> profiles;
    private final Clock clock;

    public BookingWindow(Supplier<BusinessProfile> profiles, Clock clock) {
        this.profiles = java.util.Objects.requireNonNull(profiles, "profiles");
        this.clock = clock;
    }

    /** Over a fixed profile. */
    public BookingWindow(BusinessProfile profile, Clock clock) {
        this(() -> profile, clock);
    }

    private BusinessProfile profile() {
        return profiles.get();
    }

    public ZoneId zone() {
        return profile().timezone();
    }

    public ZonedDateTime now() {
        return ZonedDateTime.now(clock).withZoneSameInstant(profile().timezone());
    }

    public Instant earliestStart() {
        return clock.instant().plus(profile().rules().minimumNotice());
    }

    public Instant latestStart() {
        return clock.instant().plus(profile().rules().bookingHorizon());
    }

    /** A violation, or empty when a job of {@code length} may start at {@code start}. */
    public Optional<Violation> check(ZonedDateTime start, Duration length) {
        Instant s = start.toInstant();
        if (!s.isAfter(clock.instant())) {
            return Optional.of(Violation.IN_THE_PAST);
        }
        if (s.isBefore(earliestStart())) {
            return Optional.of(Violation.TOO_SOON);
        }
        if (s.isAfter(latestStart())) {
            return Optional.of(Violation.BEYOND_HORIZON);
        }
        ZonedDateTime local = start.withZoneSameInstant(zone());
        LocalDate day = local.toLocalDate();
        if (profile().isBlackout(day)) {
            return Optional.of(Violation.BLACKOUT);
        }
        Instant end = s.plus(length);
        for (OpeningHours h : profile().hours().on(day.getDayOfWeek())) {
            if (!s.isBefore(openInstant(day, h)) && !end.isAfter(closeInstant(day, h))) {
                return Optional.empty();
            }
        }
        return Optional.of(Violation.OUTSIDE_HOURS);
    }

    Instant openInstant(LocalDate day, OpeningHours h) {
        return ZonedDateTime.of(LocalDateTime.of(day, h.open()), zone()).toInstant();
    }

    Instant closeInstant(LocalDate day, OpeningHours h) {
        return ZonedDateTime.of(LocalDateTime.of(day, h.close()), zone()).toInstant();
    }
}
