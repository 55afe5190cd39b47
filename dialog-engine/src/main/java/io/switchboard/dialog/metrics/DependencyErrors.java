package io.switchboard.dialog.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Map;

/** {@code switchboard_dependency_errors_total{kind}}: failures of the tools a conversation depends on. */
public final class DependencyErrors {

    static final String ERRORS = Metrics.PREFIX + "dependency.errors";

    private final Map<DependencyKind, Counter> counters = new EnumMap<>(DependencyKind.class);

    DependencyErrors(MeterRegistry registry) {
        for (DependencyKind kind : DependencyKind.values()) {
            counters.put(kind, Counter.builder(ERRORS).description("Failures of a dependency, by kind")
                    .tag("kind", kind.tag()).register(registry));
        }
    }

    public void record(DependencyKind kind) {
        counters.get(kind).increment();
    }
}
