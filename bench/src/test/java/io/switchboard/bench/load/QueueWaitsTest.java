package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueWaitsTest {

    private static String scrape(int fast, int mid, int slow, double sum) {
        int total = fast + mid + slow;
        return """
                # HELP switchboard_stt_queue_wait_seconds Recognition work's wait for a worker, by priority
                # TYPE switchboard_stt_queue_wait_seconds histogram
                switchboard_stt_queue_wait_seconds_bucket{priority="final",le="0.001"} %d
                switchboard_stt_queue_wait_seconds_bucket{priority="final",le="0.01"} %d
                switchboard_stt_queue_wait_seconds_bucket{priority="final",le="0.1"} %d
                switchboard_stt_queue_wait_seconds_bucket{priority="final",le="+Inf"} %d
                switchboard_stt_queue_wait_seconds_count{priority="final"} %d
                switchboard_stt_queue_wait_seconds_sum{priority="final"} %s
                switchboard_stt_queue_wait_seconds_bucket{priority="feed",le="0.001"} 5.0
                switchboard_stt_queue_wait_seconds_bucket{priority="feed",le="+Inf"} 5.0
                switchboard_stt_queue_wait_seconds_count{priority="feed"} 5.0
                switchboard_stt_queue_wait_seconds_sum{priority="feed"} 0.001
                switchboard_stt_work_seconds_count{work="final"} 9.0
                """.formatted(fast, fast + mid, total, total, total, sum);
    }

    @Test
    void aLevelsWaitIsTheDifferenceOfTwoScrapes() {
        Map<String, QueueWaits.Histogram> before = QueueWaits.parse(scrape(10, 0, 0, 0.005));
        Map<String, QueueWaits.Histogram> after = QueueWaits.parse(scrape(10 + 90, 8, 2, 0.005 + 0.3));

        Map<String, QueueWaits.Wait> level = QueueWaits.between(before, after);

        QueueWaits.Wait fin = level.get("final");
        assertThat(fin.count()).isEqualTo(100);
        assertThat(fin.mean()).isCloseTo(3.0, within(1e-9));
        assertThat(fin.p50()).as("bucket bound, ms").isEqualTo(1.0);
        assertThat(fin.p95()).isEqualTo(10.0);
        assertThat(fin.p99()).isEqualTo(100.0);
        assertThat(level.get("feed").count()).as("nothing new at feed priority").isZero();
        assertThat(level.get("feed").p95()).isNaN();
        assertThat(level.get("speculative")).isEqualTo(QueueWaits.Wait.NONE);
    }

    @Test
    void aScrapeWithoutTheMetricGivesNothing() {
        assertThat(QueueWaits.parse("switchboard_calls_active 2.0\n")).isEmpty();
    }
}
