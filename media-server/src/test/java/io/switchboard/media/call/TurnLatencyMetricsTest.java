package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.dialog.metrics.Metrics;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TurnLatencyMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TurnLatencyMetrics metrics = new TurnLatencyMetrics(new Metrics(registry));

    private Timer stage(String stage) {
        return registry.get("switchboard.turn.latency").tag("stage", stage).timer();
    }

    @Test
    void aSpokenTurnIsRecordedPerStage() {
        long end = 1_000_000_000L;
        metrics.onTurn(new TurnLatency("…c01", 2, TurnTrigger.SPEECH, end, end + 40_000_000L, end + 45_000_000L,
                end + 95_000_000L, end + 100_000_000L, false, 1, 1, 550));

        assertThat(stage("end_of_turn").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(550);
        assertThat(stage("stt").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
        assertThat(stage("dialog").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5);
        assertThat(stage("tts").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(50);
        assertThat(stage("total").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(100);
    }

    @Test
    void stagesThatDidNotHappenAreLeftOutNotCountedAsZero() {
        long end = 1_000_000_000L;
        // a keypad turn: no recognition, no caller silence
        metrics.onTurn(new TurnLatency("…c01", 3, TurnTrigger.KEYPAD, end, 0, end + 3_000_000L, end + 4_000_000L,
                end + 5_000_000L, false, 1, 1, 0));

        assertThat(stage("stt").count()).isZero();
        assertThat(stage("end_of_turn").count()).isZero();
        assertThat(stage("dialog").count()).isEqualTo(1);
        assertThat(stage("total").count()).isEqualTo(1);
    }
}
