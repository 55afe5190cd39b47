package io.switchboard.telephony.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.telephony.metrics.OwnerAlertMetrics.Result;
import org.junit.jupiter.api.Test;

class OwnerAlertMetricsTest {

    @Test
    void everyResultIsExportedFromTheStartAndCountsAlertsNotTexts() {
        try (PrometheusMetrics prometheus = PrometheusMetrics.create()) {
            OwnerAlertMetrics alerts = new OwnerAlertMetrics(prometheus.metrics());
            alerts.record(Result.AGGREGATED, 3);
            alerts.record(Result.DEFERRED, 1);
            alerts.record(Result.FAILED, 0);

            String scrape = prometheus.scrape();
            assertThat(scrape).contains("switchboard_owner_alerts_total{result=\"aggregated\"} 3.0")
                    .contains("switchboard_owner_alerts_total{result=\"deferred\"} 1.0")
                    .contains("switchboard_owner_alerts_total{result=\"sent\"} 0.0")
                    .contains("switchboard_owner_alerts_total{result=\"failed\"} 0.0")
                    .contains("switchboard_owner_alerts_total{result=\"expired\"} 0.0");
        }
    }
}
