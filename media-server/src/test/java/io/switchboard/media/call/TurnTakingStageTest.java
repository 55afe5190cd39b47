package io.switchboard.media.call;

import static io.switchboard.media.call.StageRun.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.vad.VadEvent;
import io.switchboard.scheduling.testing.TestProfiles;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a caller's turn ends: at VAD's end of speech, or earlier when the dialog's own {@link AnswerCheck} says the
 * partial transcript already answers what the last turn result expected. A scripted recogniser stands in for STT.
 */
class TurnTakingStageTest {

    private final ManualClock clock = new ManualClock();
    private final ScriptedStt stt = new ScriptedStt();
    private final AnswerCheck answers = new AnswerCheck(TestProfiles.sample(),
            Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneId.of("Europe/London")));
    private final StageRun run = new StageRun(clock, stt, new TurnTakingStage(answers, 200));

    @Test
    void aTurnEndsWhenTheHangoverRunsOut() {
        stt.finalText = "i need a plumber";
        run.push(Frame.Signal.SPEECH_STARTED);
        loud(10);
        AudioFrame last = frame(true, 777);
        last.vad = VadEvent.SPEECH_ENDED;
        last.silenceMillis = 560;
        run.push(last, Frame.Signal.SPEECH_STOPPED);

        assertThat(run.events()).containsExactly(Frame.Signal.SPEECH_STARTED,
                new Frame.Utterance("i need a plumber", 777, stt.finishedAt, false, 560, false),
                Frame.Signal.SPEECH_STOPPED);
        assertThat(stt.requests).containsExactly(Frame.Signal.FINISH_TURN);
    }

    @Test
    void aCompletePinEndsTheTurnAfterAShortPauseAndItsQuietTailIsDropped() {
        run.push(new Frame.Expect(Expectation.PIN), Frame.Signal.SPEECH_STARTED);
        loud(20);
        stt.partialText = "one two three four";
        stt.finalText = "one two three four";
        quiet(12);

        assertThat(stt.requests).startsWith(Frame.Signal.READ_PARTIAL).contains(Frame.Signal.FINISH_TURN);
        List<Object> events = run.events();
        assertThat(events).hasSize(3);
        Frame.Utterance early = (Frame.Utterance) events.get(2);
        assertThat(early.early()).isTrue();
        assertThat(early.silenceMillis()).isEqualTo(240);
        long audioBefore = run.audioOut();

        quiet(20);
        run.push(Frame.Signal.SPEECH_STOPPED);

        assertThat(run.audioOut()).as("the tail is held back").isEqualTo(audioBefore);
        assertThat(stt.requests).last().isEqualTo(Frame.Signal.DROP_TURN);
        assertThat(run.events()).filteredOn(Frame.Utterance.class::isInstance).hasSize(1);
    }

    @Test
    void anIncompleteAnswerWaitsForTheHangover() {
        run.push(new Frame.Expect(Expectation.PIN), Frame.Signal.SPEECH_STARTED);
        loud(10);
        stt.partialText = "one two";
        quiet(12);
        stt.finalText = "one two";
        run.push(Frame.Signal.SPEECH_STOPPED);

        assertThat(stt.requests).contains(Frame.Signal.READ_PARTIAL).endsWith(Frame.Signal.FINISH_TURN);
        assertThat(run.events()).filteredOn(Frame.Utterance.class::isInstance).singleElement()
                .extracting(u -> ((Frame.Utterance) u).early()).isEqualTo(false);
    }

    @Test
    void aFreeDescriptionIsNeverCutShortAndPartialsAreNotEvenRead() {
        run.push(new Frame.Expect(Expectation.PROBLEM), Frame.Signal.SPEECH_STARTED);
        loud(10);
        quiet(20);
        stt.finalText = "the boiler is leaking";
        run.push(Frame.Signal.SPEECH_STOPPED);

        assertThat(stt.requests).containsExactly(Frame.Signal.FINISH_TURN);
    }

    @Test
    void talkingAgainAfterAnEarlyEndIsANewTurn() {
        run.push(new Frame.Expect(Expectation.YES_NO), Frame.Signal.SPEECH_STARTED);
        loud(10);
        stt.partialText = "yes";
        stt.finalText = "yes";
        quiet(12);
        quiet(10);
        stt.finalText = "and my neighbour too";
        loud(10);
        run.push(Frame.Signal.SPEECH_STOPPED);

        assertThat(run.events()).filteredOn(Frame.Utterance.class::isInstance).extracting(u -> ((Frame.Utterance) u)
                .text()).containsExactly("yes", "and my neighbour too");
        assertThat(run.events()).filteredOn(Frame.Signal.SPEECH_STARTED::equals).as("the new turn is announced")
                .hasSize(2);
    }

    @Test
    void nothingHeardIsNoTurn() {
        stt.finalText = " ";
        run.push(Frame.Signal.SPEECH_STARTED);
        loud(5);
        run.push(Frame.Signal.SPEECH_STOPPED);

        assertThat(run.events()).containsExactly(Frame.Signal.SPEECH_STARTED, Frame.Signal.SPEECH_STOPPED);
    }

    private void loud(int frames) {
        for (int i = 0; i < frames; i++) {
            run.push(frame(false, clock.nanoTime()));
            clock.advanceMillis(20);
        }
    }

    private void quiet(int frames) {
        for (int i = 0; i < frames; i++) {
            run.push(frame(true, clock.nanoTime()));
            clock.advanceMillis(20);
        }
    }

    /** Answers turn-taking's requests with scripted text, and notes them. */
    private final class ScriptedStt implements Stage {
        final List<Frame> requests = new ArrayList<>();
        String partialText = "";
        String finalText = "";
        long finishedAt;

        @Override
        public String name() {
            return "stt";
        }

        @Override
        public void onFrame(Frame frame, StageContext context) {
            context.emit(frame);
        }

        @Override
        public void onUpstream(Frame frame, StageContext context) {
            requests.add(frame);
            if (frame == Frame.Signal.READ_PARTIAL) {
                context.emit(new Frame.Partial(partialText));
            } else if (frame == Frame.Signal.FINISH_TURN) {
                finishedAt = clock.nanoTime();
                context.emit(new Frame.Transcript(finalText, finishedAt));
            }
        }
    }
}
