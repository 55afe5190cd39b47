package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FalseCutOffsTest {

    @Test
    void aReplyBeforeTheCallerFinishedIsACutOff() {
        assertThat(FalseCutOffs.cutOff(-40, Double.NaN)).isTrue();
        assertThat(FalseCutOffs.cutOff(-40, 2000)).isTrue();
    }

    @Test
    void speakingAgainWithin300MsOfTheReplyIsACutOff() {
        assertThat(FalseCutOffs.cutOff(250, 299)).isTrue();
        assertThat(FalseCutOffs.cutOff(250, 300)).isFalse();
        assertThat(FalseCutOffs.cutOff(0, 1800)).as("reply right after the last voiced frame").isFalse();
    }

    @Test
    void noReplyIsNoCutOff() {
        assertThat(FalseCutOffs.cutOff(Double.NaN, 10)).isFalse();
    }
}
