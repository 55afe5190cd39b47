package io.switchboard.media.call;

import io.micrometer.core.instrument.Timer;
import io.switchboard.dialog.metrics.Metrics;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code switchboard_turn_latency_seconds{stage}}: each voice turn's time per stage — {@code end_of_turn} (the
 * caller's silence before the turn was judged over), {@code stt}, {@code dialog}, {@code tts} and {@code total} (end
 * of turn to the first reply frame on the wire). Timers are built once; recording a turn allocates nothing.
 */
public final class TurnLatencyMetrics implements TurnLatencyListener {

    static final String NAME = Metrics.PREFIX + "turn.latency";
    private static final Duration[] BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofMillis(750),
            Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofSeconds(5)};

    private final Timer endOfTurn;
    private final Timer stt;
    private final Timer dialog;
    private final Timer tts;
    private final Timer total;

    public TurnLatencyMetrics(Metrics metrics) {
        this.endOfTurn = timer(metrics, "end_of_turn");
        this.stt = timer(metrics, "stt");
        this.dialog = timer(metrics, "dialog");
        this.tts = timer(metrics, "tts");
        this.total = timer(metrics, "total");
    }

    private static Timer timer(Metrics metrics, String stage) {
        return Timer.builder(NAME).description("Voice turn latency by stage").tag("stage", stage)
                .serviceLevelObjectives(BUCKETS).register(metrics.registry());
    }

    @Override
    public void onTurn(TurnLatency t) {
        if (t.trigger() == TurnTrigger.SPEECH || t.trigger() == TurnTrigger.EARLY_SPEECH) {
            endOfTurn.record(t.silenceMillis(), TimeUnit.MILLISECONDS);
        }
        record(stt, t.sttMillis());
        record(dialog, t.dialogMillis());
        record(tts, t.ttsMillis());
        record(total, t.totalMillis());
    }

    /** Stages that did not happen (-1) are left out rather than counted as zero. */
    private static void record(Timer timer, double millis) {
        if (millis >= 0) {
            timer.record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
        }
    }
}
