package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.metrics.Metrics;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A false cut-off: the caller still talking as the reply starts, or talking into it within 300 ms. */
class CutOffWatchTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final TurnTakingStats stats = new TurnTakingStats(CallMetricsHolder.metrics());
    private final CutOffWatch watch = new CutOffWatch(stats);

    @Test
    void theCallerTalkingWithin300MsOfTheReplyIsAFalseCutOffCountedOnce() {
        watch.replyStarted(1_000 * MS);
        watch.voiced(1_250 * MS);
        watch.voiced(1_270 * MS);

        assertThat(stats.counts().falseCutOffs()).isEqualTo(1);
        assertThat(stats.counts().spokenReplies()).isEqualTo(1);
        assertThat(stats.counts().falseCutOffRate()).isEqualTo(1.0);
    }

    @Test
    void stillTalkingAsTheReplyStartsCountsToo() {
        watch.replyStarted(1_000 * MS);
        watch.voiced(990 * MS);

        assertThat(stats.counts().falseCutOffs()).isEqualTo(1);
    }

    @Test
    void speakingLaterIsAnAnswerNotACutOff() {
        watch.replyStarted(1_000 * MS);
        watch.voiced(1_400 * MS);
        watch.voiced(1_420 * MS);

        assertThat(stats.counts().falseCutOffs()).isZero();
    }

    @Test
    void speechBeforeTheReplyOrWithoutOneIsNotJudged() {
        watch.voiced(500 * MS);
        watch.replyStarted(1_000 * MS);
        watch.voiced(900 * MS);
        assertThat(stats.counts().falseCutOffs()).isZero();

        watch.voiced(1_100 * MS);
        assertThat(stats.counts().falseCutOffs()).isEqualTo(1);
    }

    /** Meters that count nothing: the stats keep their own totals. */
    private static final class CallMetricsHolder {
        static CallMetrics metrics() {
            return new CallMetrics(Metrics.disabled(), null);
        }
    }
}
