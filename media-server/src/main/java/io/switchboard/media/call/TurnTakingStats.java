package io.switchboard.media.call;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How one call's turn-taking went: replies to spoken turns, false cut-offs among them ({@link CutOffWatch}), and the
 * fate of speculative replies (hit: held audio sent as the turn ended; miss: the final words differed or the preview
 * could not be used; discarded: the caller went on). Written by the call's two threads; each event also goes to the
 * server-wide {@link CallMetrics}.
 */
final class TurnTakingStats {

    private final CallMetrics metrics;
    private final AtomicLong spokenReplies = new AtomicLong();
    private final AtomicLong falseCutOffs = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();

    TurnTakingStats(CallMetrics metrics) {
        this.metrics = metrics;
    }

    void spokenReply() {
        spokenReplies.incrementAndGet();
        metrics.spokenReply();
    }

    void falseCutOff() {
        falseCutOffs.incrementAndGet();
        metrics.falseCutOff();
    }

    void speculationHit() {
        hits.incrementAndGet();
        metrics.speculation(Speculation.HIT);
    }

    void speculationMiss() {
        misses.incrementAndGet();
        metrics.speculation(Speculation.MISS);
    }

    void speculationDiscarded() {
        discarded.incrementAndGet();
        metrics.speculation(Speculation.DISCARDED);
    }

    TurnTakingCounts counts() {
        return new TurnTakingCounts(spokenReplies.get(), falseCutOffs.get(), hits.get(), misses.get(), discarded.get());
    }

    /** What became of a speculative reply. */
    enum Speculation {
        HIT, MISS, DISCARDED
    }
}
