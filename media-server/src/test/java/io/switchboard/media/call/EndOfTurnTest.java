package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.models.settings.SettingsSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision's arithmetic, the caller's pause habit and the threshold setting. */
class EndOfTurnTest {

    private final EndOfTurn decision = new EndOfTurn(EndOfTurnSettings.defaults());
    private final ProsodyTracker level = new ProsodyTracker();
    private final CallerPauses typical = new CallerPauses();

    @Test
    void completeWordsSaidLevelEndAt200MsOpenAt440IncompleteAtTheMaximum() {
        assertThat(firstEnd(AnswerWords.COMPLETE, typical)).isEqualTo(200);
        assertThat(firstEnd(AnswerWords.OPEN, typical)).isEqualTo(440);
        assertThat(firstEnd(AnswerWords.INCOMPLETE, typical)).isEqualTo(560);
    }

    @Test
    void prosodyAddsUpTo0Point4AndNothingEndsBeforeTheMinimumPause() {
        assertThat(decision.score(AnswerWords.COMPLETE, 1, 1, 0, 1)).isEqualTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(decision.ends(AnswerWords.COMPLETE, level, typical, 100)).isFalse();
    }

    @Test
    void aCallersLongPausesStretchTheWaitWithinBounds() {
        CallerPauses slow = new CallerPauses();
        for (int i = 0; i < 20; i++) {
            slow.observe(900);
        }
        assertThat(slow.scale()).isEqualTo(2.0);
        assertThat(decision.score(AnswerWords.COMPLETE, 0, 0, 400, slow.scale()))
                .as("a point takes twice the pause").isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(firstEnd(AnswerWords.COMPLETE, slow)).as("no end inside pauses as long as theirs: the hard maximum")
                .isEqualTo(560);
        assertThat(firstEnd(AnswerWords.INCOMPLETE, slow)).as("the hard maximum").isEqualTo(560);

        CallerPauses quick = new CallerPauses();
        quick.observe(20); // a gap inside a word is not a pause
        assertThat(quick.observed()).isZero();
    }

    @Test
    void noTurnEndsInsideAPauseNoLongerThanOneTheCallerJustWentOnAfter() {
        assertThat(decision.shortestEnd(typical)).as("no long pause yet: the minimum").isEqualTo(120);

        CallerPauses deliberate = new CallerPauses();
        deliberate.observe(300); // went on after 300 ms between two words
        assertThat(deliberate.longestMillis()).isEqualTo(300);
        assertThat(decision.shortestEnd(deliberate)).isEqualTo(340);
        assertThat(decision.ends(AnswerWords.COMPLETE, level, deliberate, 320))
                .as("complete words, yet a pause shorter than theirs").isFalse();
        assertThat(firstEnd(AnswerWords.COMPLETE, deliberate)).isEqualTo(340);
        assertThat(firstEnd(AnswerWords.INCOMPLETE, deliberate)).as("the hard maximum still holds").isEqualTo(560);
    }

    @Test
    void aLongPauseIsForgottenSlowlyAsShorterOnesFollow() {
        CallerPauses pauses = new CallerPauses();
        pauses.observe(200);
        pauses.observe(80);
        assertThat(pauses.longestMillis()).isEqualTo(170);
        for (int i = 0; i < 8; i++) {
            pauses.observe(80);
        }
        assertThat(pauses.longestMillis()).isEqualTo(80);
        assertThat(decision.shortestEnd(pauses)).isEqualTo(120);

        pauses.observe(40); // a gap inside a word is no pause
        assertThat(pauses.longestMillis()).isEqualTo(80);
    }

    @Test
    void theThresholdIsReadFromTheEnvironmentAndChecked() {
        VoiceSettings s = VoiceSettings.from(SettingsSource.of(Map.of("SWITCHBOARD_END_OF_TURN_THRESHOLD", "1.2",
                "SWITCHBOARD_VAD_HANGOVER_MS", "700")));
        assertThat(s.endOfTurn().threshold()).isEqualTo(1.2);
        assertThat(s.endOfTurn().maxWaitMillis()).isEqualTo(700);
        assertThatThrownBy(() -> VoiceSettings.from(SettingsSource.of(Map.of("SWITCHBOARD_END_OF_TURN_THRESHOLD", "soon"))))
                .hasMessageContaining("SWITCHBOARD_END_OF_TURN_THRESHOLD must be a number");
        assertThatThrownBy(() -> VoiceSettings.from(SettingsSource.of(Map.of("SWITCHBOARD_END_OF_TURN_THRESHOLD", "9"))))
                .hasMessageContaining("between 0.3 and 3");
    }

    @Test
    void speculativeRepliesCanBeTurnedOffAndTheirPauseIsChecked() {
        assertThat(VoiceSettings.from(SettingsSource.of(Map.of())).endOfTurn().speculateAfterMillis())
                .isEqualTo(EndOfTurnSettings.defaults().speculateAfterMillis());
        assertThat(VoiceSettings.from(SettingsSource.of(Map.of("SWITCHBOARD_SPECULATE_AFTER_MS", "0"))).endOfTurn()
                .speculateAfterMillis()).isZero();
        assertThat(VoiceSettings.from(SettingsSource.of(Map.of("SWITCHBOARD_SPECULATE_AFTER_MS", "200"))).endOfTurn()
                .speculateAfterMillis()).isEqualTo(200);
        assertThatThrownBy(() -> VoiceSettings.from(SettingsSource.of(Map.of("SWITCHBOARD_SPECULATE_AFTER_MS", "-5"))))
                .hasMessageContaining("SWITCHBOARD_SPECULATE_AFTER_MS");
        // with 0 the stage emits no speculation at all: TurnTakingStageTest.noSpeculationWhenItIsSwitchedOff
    }

    @Test
    void theEstimatorHearsAVoicesPitchAndNoneInSilence() {
        SyntheticVoice voice = new SyntheticVoice();
        AudioFrame f = new AudioFrame(320);
        PitchEstimator pitch = new PitchEstimator();
        short[] two = new short[320];
        for (double hz : new double[] {90, 130, 180, 260}) {
            voice.into(f, hz, 6000);
            System.arraycopy(f.pcm8, 0, two, 0, 160);
            voice.into(f, hz, 6000);
            System.arraycopy(f.pcm8, 0, two, 160, 160);
            assertThat(pitch.hz(two, 0, 320)).as("%s Hz", hz).isBetween(hz * 0.95, hz * 1.05);
        }
        assertThat(pitch.hz(new short[320], 0, 320)).isZero();
    }

    private int firstEnd(AnswerWords words, CallerPauses pauses) {
        for (int pause = 20; pause <= 2000; pause += 20) {
            if (decision.ends(words, level, pauses, pause)) {
                return pause;
            }
        }
        return -1;
    }
}
