package io.switchboard.media.call;

import static io.switchboard.media.call.StageRun.frame;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cutting the reply: long enough speech over it, or a key; short sounds over it are not turns. */
class BargeInStageTest {

    private final ManualClock clock = new ManualClock();
    private final FakeFloor floor = new FakeFloor();
    private final StageRun run = new StageRun(clock, new BargeInStage(floor, 200));

    @Test
    void speechOverTheReplyCutsItOnceAndTheTurnIsMarked() {
        floor.audible = true;
        run.push(Frame.Signal.SPEECH_STARTED);
        for (int i = 0; i < 9; i++) {
            run.push(frame(false, 0));
        }
        assertThat(floor.cuts).as("180 ms is not enough").isZero();
        run.push(frame(false, 0), frame(false, 0), frame(false, 0));
        run.push(utterance());

        assertThat(floor.cuts).isEqualTo(1);
        assertThat(run.events()).containsExactly(Frame.Signal.SPEECH_STARTED, new Frame.Interrupt(4, 1, 3),
                utterance().cutting(true));
    }

    @Test
    void aShortSoundOverTheReplyIsDroppedAndPreRollDoesNotCount() {
        floor.audible = true;
        run.push(Frame.Signal.SPEECH_STARTED);
        for (int i = 0; i < 15; i++) {
            AudioFrame old = frame(false, 0);
            old.replayed = true;
            run.push(old);
        }
        run.push(frame(false, 0), frame(false, 0), utterance());

        assertThat(floor.cuts).isZero();
        assertThat(run.events()).containsExactly(Frame.Signal.SPEECH_STARTED);
    }

    @Test
    void speechBegunAsTheReplyEndsIsStillATurn() {
        floor.audible = true;
        run.push(Frame.Signal.SPEECH_STARTED, frame(false, 0), frame(false, 0), frame(false, 0));
        floor.audible = false;
        for (int i = 0; i < 40; i++) {
            run.push(frame(false, 0));
        }
        run.push(utterance());

        assertThat(floor.cuts).as("nothing left to cut").isZero();
        assertThat(run.events()).containsExactly(Frame.Signal.SPEECH_STARTED, utterance());
    }

    @Test
    void speechWhileNothingPlaysIsJustATurn() {
        run.push(Frame.Signal.SPEECH_STARTED, frame(false, 0), utterance());

        assertThat(run.events()).containsExactly(Frame.Signal.SPEECH_STARTED, utterance());
    }

    @Test
    void aKeyCutsTheReply() {
        floor.audible = true;
        run.push(new Frame.Dtmf('1', 5, false), new Frame.Dtmf('2', 6, false));

        assertThat(run.events()).containsExactly(new Frame.Interrupt(4, 1, 3), new Frame.Dtmf('1', 5, true),
                new Frame.Dtmf('2', 6, false));
    }

    private static Frame.Utterance utterance() {
        return new Frame.Utterance("stop", 1, 2, false, 550, false);
    }

    private static final class FakeFloor implements ReplyFloor {
        boolean audible;
        int cuts;

        @Override
        public boolean audible() {
            return audible;
        }

        @Override
        public Frame.Interrupt interrupt() {
            if (!audible) {
                return null;
            }
            audible = false;
            cuts++;
            return new Frame.Interrupt(4, 1, 3);
        }
    }
}
