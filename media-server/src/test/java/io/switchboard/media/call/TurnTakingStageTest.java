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
 * Where a caller's turn ends: at VAD's end of speech, or earlier when the {@link EndOfTurn} decision says so from the
 * words (the dialog's own {@link AnswerCheck} of the partial against what the last turn result expected), the way the
 * audio ended, and the caller's own pauses. A scripted recogniser stands in for STT; frames in, frames out, on a clock
 * the test moves.
 */
class TurnTakingStageTest {

    private final ManualClock clock = new ManualClock();
    private final ScriptedStt stt = new ScriptedStt();
    private final AnswerCheck answers = new AnswerCheck(TestProfiles.sample(),
            Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneId.of("Europe/London")));
    private final SyntheticVoice voice = new SyntheticVoice();
    private StageRun run = new StageRun(clock, stt, new TurnTakingStage(answers, EndOfTurnSettings.defaults()));

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
        Frame.Utterance early = utterance();
        assertThat(early.early()).isTrue();
        assertThat(early.silenceMillis()).as("complete words said flat: half a point of pause").isEqualTo(200);
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
    void aFreeDescriptionSaidFlatWaitsLongerThanACompleteAnswer() {
        run.push(new Frame.Expect(Expectation.PROBLEM), Frame.Signal.SPEECH_STARTED);
        loud(10);
        stt.partialText = "the boiler is";
        stt.finalText = "the boiler is leaking";
        quiet(21);

        assertThat(run.events()).noneMatch(Frame.Utterance.class::isInstance);
        quiet(2);
        assertThat(utterance().silenceMillis()).as("open words, no prosody: 1.1 points of pause").isEqualTo(440);
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
    void aClickOrTheHissAfterTheLastWordStartsNoTurnButTheCallersNextWordsDo() {
        run.push(new Frame.Expect(Expectation.YES_NO), Frame.Signal.SPEECH_STARTED);
        loud(10);
        stt.partialText = "yes";
        stt.finalText = "yes";
        quiet(12);
        long audioAtTheEnd = run.audioOut();
        loud(1); // a click
        quiet(3);
        loud(2); // hiss just over the floor, shorter than an onset
        quiet(5);

        assertThat(run.audioOut()).as("held back with the tail's quiet").isEqualTo(audioAtTheEnd);
        assertThat(run.events()).filteredOn(Frame.Signal.SPEECH_STARTED::equals).hasSize(1);

        stt.finalText = "and my neighbour too";
        loud(3);
        run.push(Frame.Signal.SPEECH_STOPPED);
        assertThat(run.events()).filteredOn(Frame.Signal.SPEECH_STARTED::equals).as("60 ms of sound is the caller")
                .hasSize(2);
        assertThat(run.events()).filteredOn(Frame.Utterance.class::isInstance).extracting(u -> ((Frame.Utterance) u)
                .text()).containsExactly("yes", "and my neighbour too");
    }

    @Test
    void aCompleteAnswerThatFadesWithAFallingVoiceEndsAtTheMinimumPause() {
        run.push(new Frame.Expect(Expectation.YES_NO), Frame.Signal.SPEECH_STARTED);
        say(10, 180, 180, 8000, 8000);
        say(6, 180, 130, 8000, 800);
        stt.partialText = "yes";
        stt.finalText = "yes";
        quiet(6);

        Frame.Utterance u = utterance();
        assertThat(u.early()).isTrue();
        assertThat(u.silenceMillis()).as("words, fade and fall together").isEqualTo(120);
    }

    @Test
    void completeWordsThatFadeAndFallDoNotEndInsideAPauseAsLongAsOneTheCallerJustMade() {
        run.push(new Frame.Expect(Expectation.YES_NO), Frame.Signal.SPEECH_STARTED);
        say(10, 180, 180, 8000, 8000);
        quiet(7); // 140 ms between two words of theirs
        say(10, 180, 180, 8000, 8000);
        say(6, 180, 130, 8000, 800);
        stt.partialText = "yes";
        stt.finalText = "yes please";
        quiet(8);
        assertThat(run.events()).as("120 ms would do for a caller with no such pause")
                .noneMatch(Frame.Utterance.class::isInstance);

        quiet(1);
        assertThat(utterance().silenceMillis()).as("40 ms past their longest pause").isEqualTo(180);
    }

    @Test
    void theSameAnswerSaidLevelWaitsLonger() {
        run.push(new Frame.Expect(Expectation.YES_NO), Frame.Signal.SPEECH_STARTED);
        say(16, 180, 180, 8000, 8000);
        stt.partialText = "yes";
        stt.finalText = "yes";
        quiet(9);
        assertThat(run.events()).noneMatch(Frame.Utterance.class::isInstance);

        quiet(2);
        assertThat(utterance().silenceMillis()).isEqualTo(200);
    }

    @Test
    void incompleteWordsWaitEvenWhenTheVoiceFalls() {
        run.push(new Frame.Expect(Expectation.PIN), Frame.Signal.SPEECH_STARTED);
        say(10, 180, 180, 8000, 8000);
        say(6, 180, 130, 8000, 800);
        stt.partialText = "one two";
        stt.finalText = "one two";
        quiet(21);
        assertThat(run.events()).as("a PIN of two digits is not an answer").noneMatch(Frame.Utterance.class::isInstance);

        quiet(2);
        assertThat(utterance().silenceMillis()).as("-0.5 + 0.4 of prosody + 1.1 of pause").isEqualTo(440);
    }

    @Test
    void aCallerWhoHabituallyPausesLongerIsGivenLonger() {
        run.push(new Frame.Expect(Expectation.PIN), Frame.Signal.SPEECH_STARTED);
        stt.partialText = "one";
        for (int i = 0; i < 3; i++) {
            say(10, 180, 180, 8000, 8000);
            quiet(20); // 400 ms between the digits, an incomplete PIN each time: not an end
        }
        assertThat(run.events()).noneMatch(Frame.Utterance.class::isInstance);
        say(10, 180, 180, 8000, 8000);
        stt.partialText = "one two three four";
        stt.finalText = "one two three four";
        quiet(30);

        assertThat(utterance().silenceMillis())
                .as("a typical caller's complete PIN ends at 200 ms; one who went on after 400 ms pauses, after 440")
                .isEqualTo(440);
    }

    @Test
    void aCallerWhoWentOnAfterAnEarlyEndIsGivenLongerNextTime() {
        run.push(new Frame.Expect(Expectation.YES_NO), Frame.Signal.SPEECH_STARTED);
        say(10, 180, 180, 8000, 8000);
        stt.partialText = "yes";
        stt.finalText = "yes";
        quiet(10);
        assertThat(utterance().silenceMillis()).isEqualTo(200);
        quiet(15); // 500 ms in all, then the caller goes on: that was a pause of theirs, not the end
        say(10, 180, 180, 8000, 8000);
        stt.finalText = "yes at nine";
        quiet(26);
        assertThat(run.events()).filteredOn(Frame.Utterance.class::isInstance).hasSize(1);
        quiet(2);

        assertThat(run.events()).filteredOn(Frame.Utterance.class::isInstance).hasSize(2);
        assertThat(utterance().silenceMillis())
                .as("they went on after 500 ms: no end inside a pause that long, so not before 540 ms").isEqualTo(540);
    }

    @Test
    void theHardMaximumEndsATurnWhateverTheEvidence() {
        run = new StageRun(clock, stt, new TurnTakingStage(answers,
                EndOfTurnSettings.defaults().withMaxWaitMillis(300)));
        run.push(new Frame.Expect(Expectation.PIN), Frame.Signal.SPEECH_STARTED);
        say(10, 180, 180, 8000, 8000);
        stt.partialText = "one";
        stt.finalText = "one";
        quiet(14);
        assertThat(run.events()).noneMatch(Frame.Utterance.class::isInstance);

        quiet(1);
        Frame.Utterance u = utterance();
        assertThat(u.silenceMillis()).isEqualTo(300);
        assertThat(u.early()).isTrue();
    }

    @Test
    void aShortPauseStartsASpeculationThatIsVoidedWhenTheCallerGoesOn() {
        run.push(new Frame.Expect(Expectation.PROBLEM), Frame.Signal.SPEECH_STARTED);
        say(10, 180, 180, 8000, 8000);
        stt.partialText = "my boiler";
        quiet(6);
        assertThat(run.events()).noneMatch(Frame.Speculate.class::isInstance);
        quiet(1);
        assertThat(run.events()).filteredOn(Frame.Speculate.class::isInstance).singleElement()
                .extracting(f -> ((Frame.Speculate) f).text()).isEqualTo("my boiler");

        say(5, 180, 180, 8000, 8000);
        assertThat(run.events()).last().isEqualTo(Frame.Signal.SPECULATION_VOID);
        assertThat(run.events()).noneMatch(Frame.Utterance.class::isInstance);
    }

    @Test
    void noSpeculationWhenItIsSwitchedOff() {
        run = new StageRun(clock, stt, new TurnTakingStage(answers,
                EndOfTurnSettings.defaults().withSpeculateAfterMillis(0)));
        run.push(new Frame.Expect(Expectation.YES_NO), Frame.Signal.SPEECH_STARTED);
        say(10, 180, 180, 8000, 8000);
        stt.partialText = "yes";
        stt.finalText = "yes";
        quiet(12);

        assertThat(run.events()).noneMatch(Frame.Speculate.class::isInstance);
        assertThat(utterance().text()).isEqualTo("yes");
    }

    @Test
    void nothingHeardIsNoTurn() {
        stt.finalText = " ";
        run.push(Frame.Signal.SPEECH_STARTED);
        loud(5);
        run.push(Frame.Signal.SPEECH_STOPPED);

        assertThat(run.events()).containsExactly(Frame.Signal.SPEECH_STARTED, Frame.Signal.SPEECH_STOPPED);
    }

    private Frame.Utterance utterance() {
        return run.events().stream().filter(Frame.Utterance.class::isInstance).map(Frame.Utterance.class::cast)
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no utterance in " + run.events()));
    }

    /** Voiced frames gliding from {@code hzFrom} to {@code hzTo} and from one level to another. */
    private void say(int frames, double hzFrom, double hzTo, double ampFrom, double ampTo) {
        for (int i = 0; i < frames; i++) {
            double at = frames == 1 ? 1 : (double) i / (frames - 1);
            AudioFrame f = voice.into(frame(false, clock.nanoTime()), hzFrom + (hzTo - hzFrom) * at,
                    ampFrom + (ampTo - ampFrom) * at);
            run.push(f);
            clock.advanceMillis(20);
        }
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
