package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keypad entry and re-prompts, on a clock the test moves: no sleeping. */
class KeypadAndSilenceStagesTest {

    private final ManualClock clock = new ManualClock();
    private boolean receptionistSpeaking;
    private final StageRun run = new StageRun(clock, new KeypadStage(Duration.ofSeconds(2), clock),
            new SilenceStage(Duration.ofSeconds(8), 2, () -> receptionistSpeaking, clock));

    @Test
    void keysEndAtHashOrAfterAPause() {
        run.push(key('1'), key('2'), key('#'));
        long hashAt = clock.nanoTime();
        run.push(key('4'));
        clock.advanceMillis(1_900);
        run.push(Frame.Signal.TICK);
        assertThat(keyed()).hasSize(1);
        clock.advanceMillis(100);
        run.push(Frame.Signal.TICK);

        assertThat(keyed()).containsExactly(new Frame.Keyed("12", hashAt, false),
                new Frame.Keyed("4", clock.nanoTime(), false));
    }

    @Test
    void aKeyThatCutTheReplyMarksItsEntry() {
        run.push(new Frame.Dtmf('7', 0, true), key('#'));

        assertThat(keyed()).containsExactly(new Frame.Keyed("7", clock.nanoTime(), true));
    }

    @Test
    void silenceIsRepromptedTwiceThenGivenUpOn() {
        for (int s = 0; s < 30; s++) {
            clock.advanceMillis(1_000);
            run.push(Frame.Signal.TICK);
        }

        assertThat(run.events()).filteredOn(Frame.Silence.class::isInstance)
                .extracting(f -> ((Frame.Silence) f).giveUp()).containsExactly(false, false, true);
    }

    @Test
    void noRepromptWhileTheReceptionistSpeaksOrTheCallerTalksOrKeys() {
        receptionistSpeaking = true;
        tick(20);
        receptionistSpeaking = false;
        run.push(Frame.Signal.SPEECH_STARTED);
        tick(20);
        run.push(Frame.Signal.SPEECH_STOPPED, key('1'));
        tick(1);
        assertThat(run.events()).noneMatch(Frame.Silence.class::isInstance);

        tick(10);
        assertThat(run.events()).filteredOn(Frame.Silence.class::isInstance).hasSize(1);
    }

    private void tick(int seconds) {
        for (int s = 0; s < seconds; s++) {
            clock.advanceMillis(1_000);
            run.push(Frame.Signal.TICK);
        }
    }

    private Frame.Dtmf key(char digit) {
        return new Frame.Dtmf(digit, clock.nanoTime(), false);
    }

    private java.util.List<Object> keyed() {
        return run.events().stream().filter(Frame.Keyed.class::isInstance).toList();
    }
}
