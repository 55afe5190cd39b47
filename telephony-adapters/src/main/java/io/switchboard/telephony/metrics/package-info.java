/**
 * Metrics export: the Prometheus registry with the JVM binders ({@link
 * io.switchboard.telephony.metrics.PrometheusMetrics}) and the outbound-message recorder. The
 * {@code GET /metrics} route is {@link io.switchboard.telephony.http.MetricsEndpoint}.
 */
package io.switchboard.telephony.metrics;
