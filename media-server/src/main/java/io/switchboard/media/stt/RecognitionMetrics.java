package io.switchboard.media.stt;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.dialog.metrics.Metrics;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code switchboard_stt_queue_wait_seconds{priority="final"|"speculative"|"feed"}}: how long a call's recognition
 * work waited for a worker, and {@code switchboard_stt_work_seconds{work="feed"|"partial"|"final"|"hints"}}: how long
 * it then ran (feed per 20 ms frame). Buckets from 1 ms: a final that waits more than a few tens of milliseconds is
 * felt by the caller.
 */
public final class RecognitionMetrics implements RecognitionObserver {

    static final String QUEUE_WAIT = Metrics.PREFIX + "stt.queue.wait";
    static final String WORK = Metrics.PREFIX + "stt.work";
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)};

    private final MeterRegistry registry;
    private final Map<RecognitionPriority, Timer> waits = new EnumMap<>(RecognitionPriority.class);
    private final Map<String, Timer> work = new ConcurrentHashMap<>();

    public RecognitionMetrics(Metrics metrics) {
        this.registry = metrics.registry();
        for (RecognitionPriority p : RecognitionPriority.values()) {
            waits.put(p, Timer.builder(QUEUE_WAIT).description("Recognition work's wait for a worker, by priority")
                    .tag("priority", p.tag()).serviceLevelObjectives(BUCKETS).register(registry));
        }
        for (String w : new String[] {"feed", "partial", "final", "hints"}) {
            work.put(w, workTimer(w));
        }
    }

    private Timer workTimer(String w) {
        return Timer.builder(WORK).description("Recognition work's own time (feed: per 20 ms frame)").tag("work", w)
                .serviceLevelObjectives(BUCKETS).register(registry);
    }

    @Override
    public void waited(RecognitionPriority priority, long nanos) {
        waits.get(priority).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void worked(String w, long nanos) {
        work.computeIfAbsent(w, this::workTimer).record(nanos, TimeUnit.NANOSECONDS);
    }
}
