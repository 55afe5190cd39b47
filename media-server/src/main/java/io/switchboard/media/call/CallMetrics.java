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
 * the recogniser cannot keep up). Turn-taking: replies to spoken turns ({@code switchboard_turn_replies_total}),
 * false cut-offs among them ({@code switchboard_turn_false_cutoffs_total}) and speculative replies by fate
 * ({@code switchboard_turn_speculations_total{result="hit"|"miss"|"discarded"}}), also readable as one
 * {@link TurnTakingCounts} ({@link #turnTaking()}). Registered once per {@link VoiceCalls}.
 */
final class CallMetrics {

    static final String ACTIVE = Metrics.PREFIX + "calls.active";
    static final String MAX = Metrics.PREFIX + "calls.max";
    static final String CALLS = Metrics.PREFIX + "calls";
    static final String STT_RTF = Metrics.PREFIX + "stt.real.time.factor";
    static final String TURN_REPLIES = Metrics.PREFIX + "turn.replies";
    static final String FALSE_CUTOFFS = Metrics.PREFIX + "turn.false.cutoffs";
    static final String SPECULATIONS = Metrics.PREFIX + "turn.speculations";

    private final Counter answered;
    private final Counter busy;
    private final DistributionSummary realTimeFactor;
    private final DependencyErrors errors;
    private final Counter spokenReplies;
    private final Counter falseCutOffs;
    private final Counter[] speculations = new Counter[TurnTakingStats.Speculation.values().length];
    /** The same turn-taking counts kept here too, so they can be read with metrics disabled (tests, the benchmarks). */
    private final java.util.concurrent.atomic.LongAdder[] totals = new java.util.concurrent.atomic.LongAdder[5];

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
        this.spokenReplies = Counter.builder(TURN_REPLIES).description("Replies to spoken turns that started playing")
                .register(metrics.registry());
        this.falseCutOffs = Counter.builder(FALSE_CUTOFFS)
                .description("Replies that began while the caller was still talking or were talked into within 300 ms")
                .register(metrics.registry());
        for (int i = 0; i < totals.length; i++) {
            totals[i] = new java.util.concurrent.atomic.LongAdder();
        }
        for (TurnTakingStats.Speculation fate : TurnTakingStats.Speculation.values()) {
            speculations[fate.ordinal()] = Counter.builder(SPECULATIONS)
                    .tag("result", fate.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Speculative replies by what became of them").register(metrics.registry());
        }
    }

    void spokenReply() {
        spokenReplies.increment();
        totals[0].increment();
    }

    void falseCutOff() {
        falseCutOffs.increment();
        totals[1].increment();
    }

    void speculation(TurnTakingStats.Speculation fate) {
        speculations[fate.ordinal()].increment();
        totals[2 + fate.ordinal()].increment();
    }

    /** All calls' turn-taking so far. */
    TurnTakingCounts turnTaking() {
        return new TurnTakingCounts(totals[0].sum(), totals[1].sum(), totals[2].sum(), totals[3].sum(),
                totals[4].sum());
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
