package io.switchboard.telephony.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.switchboard.dialog.metrics.Metrics;

/**
 * The server's one Prometheus registry: Switchboard's meters plus the JVM's (memory, GC, threads, class loading, CPU,
 * uptime, file descriptors). Create once at start-up; close at shutdown (the GC binder holds JMX listeners).
 */
public final class PrometheusMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final Metrics metrics;

    private PrometheusMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        this.gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        this.metrics = new Metrics(registry);
    }

    public static PrometheusMetrics create() {
        return new PrometheusMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** The recorders, over this registry: pass it to whatever records. */
    public Metrics metrics() {
        return metrics;
    }

    /** Everything in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
