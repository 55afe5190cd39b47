package io.switchboard.media.call;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.switchboard.dialog.metrics.DependencyErrors;
import io.switchboard.dialog.metrics.Metrics;

/**
 * The voice side's meters: {@code switchboard_calls_active} and {@code switchboard_calls_max} (the cap), calls by
 * how they were taken ({@code switchboard_calls_total{result="answered"|"busy"}}), and the speech recogniser's
 * real-time factor per utterance ({@code switchboard_stt_real_time_factor}: processing time over audio time; above 1
 * the recogniser cannot keep up). Registered once per {@link VoiceCalls}.
 */
final class CallMetrics {

    static final String ACTIVE = Metrics.PREFIX + "calls.active";
    static final String MAX = Metrics.PREFIX + "calls.max";
    static final String CALLS = Metrics.PREFIX + "calls";
    static final String STT_RTF = Metrics.PREFIX + "stt.real.time.factor";

    private final Counter answered;
    private final Counter busy;
    private final DistributionSummary realTimeFactor;
    private final DependencyErrors errors;

    CallMetrics(Metrics metrics, VoiceCalls calls) {
        Gauge.builder(ACTIVE, calls, VoiceCalls::activeCalls).description("Calls in progress")
                .register(metrics.registry());
        Gauge.builder(MAX, calls, VoiceCalls::maxCalls).description("Calls taken at once before callers hear busy")
                .register(metrics.registry());
        this.answered = Counter.builder(CALLS).tag("result", "answered").description("Calls by how they were taken")
                .register(metrics.registry());
        this.busy = Counter.builder(CALLS).tag("result", "busy").description("Calls by how they were taken")
                .register(metrics.registry());
        this.realTimeFactor = DistributionSummary.builder(STT_RTF)
                .description("Speech recognition time over audio time, per utterance")
                .serviceLevelObjectives(0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 4)
                .register(metrics.registry());
        this.errors = metrics.errors();
    }

    void answered() {
        answered.increment();
    }

    void busy() {
        busy.increment();
    }

    /** Once per utterance (never per frame). */
    void recognised(long processingNanos, long audioNanos) {
        if (audioNanos > 0) {
            realTimeFactor.record((double) processingNanos / audioNanos);
        }
    }

    DependencyErrors errors() {
        return errors;
    }
}
