package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Speech is a run of sounding frames as long as VAD's onset; anything shorter, and any quiet frame, is not. */
class SpeechRunTest {

    private final SpeechRun run = SpeechRun.ofMillis(SpeechRun.ONSET_MILLIS);

    @Test
    void threeSoundingFramesInARowAreSpeechDatedFromTheFirst() {
        assertThat(run.frames()).isEqualTo(3);
        assertThat(run.accept(false, 100)).isFalse();
        assertThat(run.accept(false, 120)).isFalse();
        assertThat(run.accept(false, 140)).isTrue();
        assertThat(run.accept(false, 160)).as("and stays speech while it lasts").isTrue();
        assertThat(run.startNanos()).isEqualTo(100);
    }

    @Test
    void aQuietFrameBreaksTheRunAndAResetForgetsIt() {
        run.accept(false, 100);
        run.accept(false, 120);
        assertThat(run.accept(true, 140)).isFalse();
        assertThat(run.accept(false, 160)).isFalse();
        assertThat(run.length()).isEqualTo(1);
        run.accept(false, 180);
        run.reset();
        assertThat(run.accept(false, 200)).isFalse();
        assertThat(run.startNanos()).isEqualTo(200);
    }

    @Test
    void aRunIsAtLeastOneFrame() {
        assertThat(SpeechRun.ofMillis(0).accept(false, 1)).isTrue();
        assertThat(SpeechRun.ofMillis(50).frames()).isEqualTo(3);
        assertThatThrownBy(() -> new SpeechRun(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
