package io.switchboard.dialog.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.models.Channel;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code switchboard_bookings_total{channel,result}} and {@code switchboard_time_to_booking_seconds{channel}}, the
 * time from a conversation's first message to its booking. The buckets span a quick phone call (under a minute) to
 * an SMS thread answered hours later.
 */
public final class BookingMetrics {

    static final String BOOKINGS = Metrics.PREFIX + "bookings";
    static final String TIME_TO_BOOKING = Metrics.PREFIX + "time.to.booking";
    private static final Duration[] BUCKETS = {Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(3), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24)};

    private final Map<Channel, Map<BookingOutcome, Counter>> results = new EnumMap<>(Channel.class);
    private final Map<Channel, Timer> timeToBooking = new EnumMap<>(Channel.class);

    BookingMetrics(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            Map<BookingOutcome, Counter> byResult = new EnumMap<>(BookingOutcome.class);
            for (BookingOutcome outcome : BookingOutcome.values()) {
                byResult.put(outcome, Counter.builder(BOOKINGS).description("Booking attempts by result")
                        .tag("channel", channel.wireName()).tag("result", outcome.tag()).register(registry));
            }
            results.put(channel, byResult);
            timeToBooking.put(channel, Timer.builder(TIME_TO_BOOKING)
                    .description("From a conversation's first message to its booking")
                    .tag("channel", channel.wireName())
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
        }
    }

    public void result(Channel channel, BookingOutcome outcome) {
        results.get(channel).get(outcome).increment();
    }

    /** A booking was stored {@code sinceFirstMessage} after the conversation opened; negative values are ignored. */
    public void booked(Channel channel, Duration sinceFirstMessage) {
        if (!sinceFirstMessage.isNegative()) {
            timeToBooking.get(channel).record(sinceFirstMessage.toNanos(), TimeUnit.NANOSECONDS);
        }
    }
}
