package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.metrics.Metrics;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A false cut-off: the caller still talking as the reply starts, or talking into it within 300 ms. Talking is speech
 * (60 ms of sound at speech level, as VAD's onset), not a click or the hiss after the last word.
 */
class CutOffWatchTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final TurnTakingStats stats = new TurnTakingStats(CallMetricsHolder.metrics());
    private final CutOffWatch watch = new CutOffWatch(stats);

    @Test
    void theCallerTalkingWithin300MsOfTheReplyIsAFalseCutOffCountedOnce() {
        watch.replyStarted(1_000 * MS);
        talk(1_250, 10);

        assertThat(stats.counts().falseCutOffs()).isEqualTo(1);
        assertThat(stats.counts().spokenReplies()).isEqualTo(1);
        assertThat(stats.counts().falseCutOffRate()).isEqualTo(1.0);
    }

    @Test
    void stillTalkingAsTheReplyStartsCountsToo() {
        watch.replyStarted(1_000 * MS);
        talk(900, 8);

        assertThat(stats.counts().falseCutOffs()).isEqualTo(1);
    }

    @Test
    void speechThatStartsInsideTheWindowCountsThoughItIsOnlySureOfItselfAfter() {
        watch.replyStarted(1_000 * MS);
        talk(1_280, 3); // sure at 1 320 ms, begun at 1 280

        assertThat(stats.counts().falseCutOffs()).isEqualTo(1);
    }

    @Test
    void speakingLaterIsAnAnswerNotACutOff() {
        watch.replyStarted(1_000 * MS);
        talk(1_400, 10);

        assertThat(stats.counts().falseCutOffs()).isZero();
    }

    @Test
    void aClickOrTheHissAfterTheLastWordIsNoOneTalking() {
        watch.replyStarted(1_000 * MS);
        talk(1_040, 1);
        quiet(1_060, 3);
        talk(1_120, 2);
        quiet(1_160, 10);

        assertThat(stats.counts().falseCutOffs()).isZero();
        talk(1_800, 5);
        assertThat(stats.counts().falseCutOffs()).as("the reply was judged by the caller's next words").isZero();
    }

    @Test
    void speechBeforeTheReplyOrWithoutOneIsNotJudged() {
        talk(500, 5);
        quiet(600, 5);
        watch.replyStarted(1_000 * MS);
        assertThat(stats.counts().falseCutOffs()).isZero();

        talk(1_100, 3);
        assertThat(stats.counts().falseCutOffs()).isEqualTo(1);
    }

    @Test
    void asAStageItWatchesEveryFramePassingThroughUnchanged() {
        StageRun run = new StageRun(new ManualClock(), watch);
        watch.replyStarted(1_000 * MS);
        for (int i = 0; i < 4; i++) {
            run.push(StageRun.frame(false, (1_020 + 20 * i) * MS));
        }
        run.push(Frame.Signal.SPEECH_STOPPED);

        assertThat(run.audioOut()).isEqualTo(4);
        assertThat(run.events()).containsExactly(Frame.Signal.SPEECH_STOPPED);
        assertThat(stats.counts().falseCutOffs()).isEqualTo(1);
    }

    private void talk(long fromMillis, int frames) {
        for (int i = 0; i < frames; i++) {
            watch.heard(false, (fromMillis + 20L * i) * MS);
        }
    }

    private void quiet(long fromMillis, int frames) {
        for (int i = 0; i < frames; i++) {
            watch.heard(true, (fromMillis + 20L * i) * MS);
        }
    }

    /** Meters that count nothing: the stats keep their own totals. */
    private static final class CallMetricsHolder {
        static CallMetrics metrics() {
            return new CallMetrics(Metrics.disabled(), null);
        }
    }
}
