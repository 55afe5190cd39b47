package io.switchboard.models;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits the calendar enforces on every booking, whoever asks for it.
 *
 * @param bufferBetweenJobs travel/clean-up time kept free after each job
 * @param minimumNotice     how far ahead of now the earliest bookable start is
 * @param bookingHorizon    how far ahead bookings are taken
 * @param maxBookingsPerDay at most this many jobs on one local day
 * @param slotStep          granularity of offered start times
 * @param calendarEventBuffer time kept free before and after each busy event of the owner's own calendar
 */
public record BookingRules(Duration bufferBetweenJobs, Duration minimumNotice, Duration bookingHorizon,
                           int maxBookingsPerDay, Duration slotStep, Duration calendarEventBuffer) {

    /** Rules without a buffer around the owner's calendar events. */
    public BookingRules(Duration bufferBetweenJobs, Duration minimumNotice, Duration bookingHorizon,
                        int maxBookingsPerDay, Duration slotStep) {
        this(bufferBetweenJobs, minimumNotice, bookingHorizon, maxBookingsPerDay, slotStep, Duration.ZERO);
    }

    public BookingRules {
        Objects.requireNonNull(calendarEventBuffer, "calendarEventBuffer");
        if (calendarEventBuffer.isNegative()) {
            throw new IllegalArgumentException("calendarEventBuffer must not be negative");
        }
        Objects.requireNonNull(bufferBetweenJobs, "bufferBetweenJobs");
        Objects.requireNonNull(minimumNotice, "minimumNotice");
        Objects.requireNonNull(bookingHorizon, "bookingHorizon");
        Objects.requireNonNull(slotStep, "slotStep");
        if (bufferBetweenJobs.isNegative()) {
            throw new IllegalArgumentException("bufferBetweenJobs must not be negative");
        }
        if (minimumNotice.isNegative()) {
            throw new IllegalArgumentException("minimumNotice must not be negative");
        }
        if (bookingHorizon.isNegative() || bookingHorizon.isZero()) {
            throw new IllegalArgumentException("bookingHorizon must be positive");
        }
        if (maxBookingsPerDay < 1) {
            throw new IllegalArgumentException("maxBookingsPerDay must be at least 1");
        }
        if (slotStep.isNegative() || slotStep.isZero()) {
            throw new IllegalArgumentException("slotStep must be positive");
        }
    }
}
