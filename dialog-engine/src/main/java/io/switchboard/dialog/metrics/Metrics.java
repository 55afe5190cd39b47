package io.switchboard.dialog.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import java.util.Objects;

/**
 * The server's metrics: one registry and the recorders every module shares. Created once (by the server over a
 * Prometheus registry, by tests over a simple one) and passed to whatever records; modules with meters of their own
 * (voice latency, outbound messages) build their recorders over {@link #registry()}.
 */
public final class Metrics {

    /** The prefix of every Switchboard meter name. */
    public static final String PREFIX = "switchboard.";

    private final MeterRegistry registry;
    private final ConversationMetrics conversations;
    private final BookingMetrics bookings;
    private final DependencyErrors errors;

    public Metrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.conversations = new ConversationMetrics(registry);
        this.bookings = new BookingMetrics(registry);
        this.errors = new DependencyErrors(registry);
    }

    /** Records nothing (a registry with no backend): for tools and tests that do not look at metrics. */
    public static Metrics disabled() {
        return new Metrics(new CompositeMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public ConversationMetrics conversations() {
        return conversations;
    }

    public BookingMetrics bookings() {
        return bookings;
    }

    public DependencyErrors errors() {
        return errors;
    }
}
