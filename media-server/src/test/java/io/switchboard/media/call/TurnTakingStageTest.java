package io.switchboard.media.call;

import static io.switchboard.media.call.StageRun.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.vad.VadEvent;
import org.junit.jupiter.api.Test;

/**
 * Where a caller's turn ends: at VAD's end of speech, or earlier when the {@link EndOfTurn} decision says so from the
 * words (the dialog's own {@link AnswerCheck} of the partial against what the last turn result expected), the way the
 * audio ended, and the caller's own pauses. A scripted recogniser stands in for STT; frames in, frames out, on a clock
 * the test moves.
 */
class TurnTakingStageTest {

    private CallerTurns caller = new CallerTurns(EndOfTurnSettings.defaults());

    @Test
    void aTurnEndsWhenTheHangoverRunsOut() {
        caller.heard("", "i need a plumber");
        caller.run.push(Frame.Signal.SPEECH_STARTED);
        caller.loud(10);
        AudioFrame last = frame(true, 777);
        last.vad = VadEvent.SPEECH_ENDED;
        last.silenceMillis = 560;
        caller.run.push(last, Frame.Signal.SPEECH_STOPPED);

        assertThat(caller.run.events()).containsExactly(Frame.Signal.SPEECH_STARTED,
                new Frame.Utterance("i need a plumber", 777, caller.stt.finishedAt, false, 560, false),
                Frame.Signal.SPEECH_STOPPED);
        assertThat(caller.stt.requests).containsExactly(Frame.Signal.FINISH_TURN);
    }

    @Test
    void aCompletePinEndsTheTurnAfterAShortPauseAndItsQuietTailIsDropped() {
        caller.answering(Expectation.PIN).loud(20).heard("one two three four").quiet(12);

        assertThat(caller.stt.requests).startsWith(Frame.Signal.SETTLE_TURN).contains(Frame.Signal.FINISH_TURN);
        Frame.Utterance early = caller.utterance();
        assertThat(early.early()).isTrue();
        assertThat(early.silenceMillis()).as("complete words said flat: half a point of pause").isEqualTo(200);
        long audioBefore = caller.run.audioOut();

        caller.quiet(20).run.push(Frame.Signal.SPEECH_STOPPED);

        assertThat(caller.run.audioOut()).as("the tail is held back").isEqualTo(audioBefore);
        assertThat(caller.stt.requests).last().isEqualTo(Frame.Signal.DROP_TURN);
        assertThat(caller.run.events()).filteredOn(Frame.Utterance.class::isInstance).hasSize(1);
    }

    @Test
    void aPauseIsSettledOnceAndWhenTheCallerGoesOnTheTurnResumesBeforeTheNextPauseIsSettled() {
        caller.stt.settles = true;
        caller.answering(Expectation.PIN).loud(10).heard("one two").quiet(9);

        assertThat(caller.stt.requests).as("settled words are not read again in the same pause")
                .containsExactly(Frame.Signal.SETTLE_TURN);
        caller.loud(10);
        assertThat(caller.stt.requests).containsExactly(Frame.Signal.SETTLE_TURN, Frame.Signal.RESUME_TURN);

        caller.heard("one two three four").quiet(12);
        assertThat(caller.stt.requests).containsExactly(Frame.Signal.SETTLE_TURN, Frame.Signal.RESUME_TURN,
                Frame.Signal.SETTLE_TURN, Frame.Signal.FINISH_TURN);
        assertThat(caller.utterance().text()).isEqualTo("one two three four");
    }

    @Test
    void anIncompleteAnswerWaitsForTheHangover() {
        caller.answering(Expectation.PIN).loud(10).heard("one two", "").quiet(12);
        caller.heard("one two").run.push(Frame.Signal.SPEECH_STOPPED);

        assertThat(caller.stt.requests).contains(Frame.Signal.READ_PARTIAL).endsWith(Frame.Signal.FINISH_TURN);
        assertThat(caller.run.events()).filteredOn(Frame.Utterance.class::isInstance).singleElement()
                .extracting(u -> ((Frame.Utterance) u).early()).isEqualTo(false);
    }

    @Test
    void aFreeDescriptionSaidFlatWaitsLongerThanACompleteAnswer() {
        caller.answering(Expectation.PROBLEM).loud(10).heard("the boiler is", "the boiler is leaking").quiet(21);

        assertThat(caller.run.events()).noneMatch(Frame.Utterance.class::isInstance);
        caller.quiet(2);
        assertThat(caller.utterance().silenceMillis()).as("open words, no prosody: 1.1 points of pause")
                .isEqualTo(440);
    }

    @Test
    void anAnswerTheRecogniserHasNotWrittenYetCountsAsOpenNotAsUnanswered() {
        caller.answering(Expectation.YES_NO).loud(10).heard("", "yes").quiet(21);

        assertThat(caller.run.events()).noneMatch(Frame.Utterance.class::isInstance);
        caller.quiet(2);
        Frame.Utterance u = caller.utterance();
        assertThat(u.early()).as("not held to the hard maximum").isTrue();
        assertThat(u.silenceMillis()).as("no words yet: open, 1.1 points of pause said flat").isEqualTo(440);
        assertThat(u.text()).isEqualTo("yes");
    }

    @Test
    void talkingAgainAfterAnEarlyEndIsANewTurn() {
        caller.answering(Expectation.YES_NO).loud(10).heard("yes").quiet(12).quiet(10);
        caller.heard("yes", "and my neighbour too").loud(10).run.push(Frame.Signal.SPEECH_STOPPED);

        assertThat(caller.run.events()).filteredOn(Frame.Utterance.class::isInstance)
                .extracting(u -> ((Frame.Utterance) u).text()).containsExactly("yes", "and my neighbour too");
        assertThat(caller.run.events()).filteredOn(Frame.Signal.SPEECH_STARTED::equals).as("the new turn is announced")
                .hasSize(2);
    }

    @Test
    void aClickOrTheHissAfterTheLastWordStartsNoTurnButTheCallersNextWordsDo() {
        caller.run.push(new Frame.Expect(Expectation.YES_NO), Frame.Signal.SPEECH_STARTED);
        caller.loud(10);
        caller.stt.partialText = "yes";
        caller.stt.finalText = "yes";
        caller.quiet(12);
        long audioAtTheEnd = caller.run.audioOut();
        caller.loud(1); // a click
        caller.quiet(3);
        caller.loud(2); // hiss just over the floor, shorter than an onset
        caller.quiet(5);

        assertThat(caller.run.audioOut()).as("held back with the tail's quiet").isEqualTo(audioAtTheEnd);
        assertThat(caller.run.events()).filteredOn(Frame.Signal.SPEECH_STARTED::equals).hasSize(1);

        caller.stt.finalText = "and my neighbour too";
        caller.loud(3);
        caller.run.push(Frame.Signal.SPEECH_STOPPED);
        assertThat(caller.run.events()).filteredOn(Frame.Signal.SPEECH_STARTED::equals).as("60 ms of sound is the caller")
                .hasSize(2);
        assertThat(caller.run.events()).filteredOn(Frame.Utterance.class::isInstance).extracting(u -> ((Frame.Utterance) u)
                .text()).containsExactly("yes", "and my neighbour too");
    }

    @Test
    void aCompleteAnswerThatFadesWithAFallingVoiceEndsAtTheMinimumPause() {
        caller.answering(Expectation.YES_NO).sayLevel(10).say(6, 180, 130, 8000, 800).heard("yes").quiet(6);

        Frame.Utterance u = caller.utterance();
        assertThat(u.early()).isTrue();
        assertThat(u.silenceMillis()).as("words, fade and fall together").isEqualTo(120);
    }

    @Test
    void completeWordsThatFadeAndFallDoNotEndInsideAPauseAsLongAsOneTheCallerJustMade() {
        caller.run.push(new Frame.Expect(Expectation.YES_NO), Frame.Signal.SPEECH_STARTED);
        caller.say(10, 180, 180, 8000, 8000);
        caller.quiet(7); // 140 ms between two words of theirs
        caller.say(10, 180, 180, 8000, 8000);
        caller.say(6, 180, 130, 8000, 800);
        caller.stt.partialText = "yes";
        caller.stt.finalText = "yes please";
        caller.quiet(8);
        assertThat(caller.run.events()).as("120 ms would do for a caller with no such pause")
                .noneMatch(Frame.Utterance.class::isInstance);

        caller.quiet(1);
        assertThat(caller.utterance().silenceMillis()).as("40 ms past their longest pause").isEqualTo(180);
    }

    @Test
    void theSameAnswerSaidLevelWaitsLonger() {
        caller.answering(Expectation.YES_NO).sayLevel(16).heard("yes").quiet(9);
        assertThat(caller.run.events()).noneMatch(Frame.Utterance.class::isInstance);

        caller.quiet(2);
        assertThat(caller.utterance().silenceMillis()).isEqualTo(200);
    }

    @Test
    void incompleteWordsWaitEvenWhenTheVoiceFalls() {
        caller.answering(Expectation.PIN).sayLevel(10).say(6, 180, 130, 8000, 800).heard("one two").quiet(21);
        assertThat(caller.run.events()).as("a PIN of two digits is not an answer")
                .noneMatch(Frame.Utterance.class::isInstance);

        caller.quiet(2);
        assertThat(caller.utterance().silenceMillis()).as("-0.5 + 0.4 of prosody + 1.1 of pause").isEqualTo(440);
    }

    @Test
    void aCallerWhoHabituallyPausesLongerIsGivenLonger() {
        caller.answering(Expectation.PIN).heard("one", "");
        for (int i = 0; i < 3; i++) {
            caller.sayLevel(10).quiet(20); // 400 ms between the digits, an incomplete PIN each time: not an end
        }
        assertThat(caller.run.events()).noneMatch(Frame.Utterance.class::isInstance);
        caller.sayLevel(10).heard("one two three four").quiet(30);

        assertThat(caller.utterance().silenceMillis())
                .as("a typical caller's complete PIN ends at 200 ms; one who went on after 400 ms pauses, after 440")
                .isEqualTo(440);
    }

    @Test
    void aCallerWhoWentOnAfterAnEarlyEndIsGivenLongerNextTime() {
        caller.run.push(new Frame.Expect(Expectation.YES_NO), Frame.Signal.SPEECH_STARTED);
        caller.say(10, 180, 180, 8000, 8000);
        caller.stt.partialText = "yes";
        caller.stt.finalText = "yes";
        caller.quiet(10);
        assertThat(caller.utterance().silenceMillis()).isEqualTo(200);
        caller.quiet(15); // 500 ms in all, then the caller goes on: that was a pause of theirs, not the end
        caller.say(10, 180, 180, 8000, 8000);
        caller.stt.finalText = "yes at nine";
        caller.quiet(26);
        assertThat(caller.run.events()).filteredOn(Frame.Utterance.class::isInstance).hasSize(1);
        caller.quiet(2);

        assertThat(caller.run.events()).filteredOn(Frame.Utterance.class::isInstance).hasSize(2);
        assertThat(caller.utterance().silenceMillis())
                .as("they went on after 500 ms: no end inside a pause that long, so not before 540 ms").isEqualTo(540);
    }

    @Test
    void theHardMaximumEndsATurnWhateverTheEvidence() {
        caller = new CallerTurns(EndOfTurnSettings.defaults().withMaxWaitMillis(300));
        caller.answering(Expectation.PIN).sayLevel(10).heard("one").quiet(14);
        assertThat(caller.run.events()).noneMatch(Frame.Utterance.class::isInstance);

        caller.quiet(1);
        Frame.Utterance u = caller.utterance();
        assertThat(u.silenceMillis()).isEqualTo(300);
        assertThat(u.early()).isTrue();
    }

    @Test
    void aShortPauseStartsASpeculationThatIsVoidedWhenTheCallerGoesOn() {
        caller.answering(Expectation.PROBLEM).sayLevel(10).heard("my boiler", "").quiet(6);
        assertThat(caller.run.events()).noneMatch(Frame.Speculate.class::isInstance);
        caller.quiet(1);
        assertThat(caller.run.events()).filteredOn(Frame.Speculate.class::isInstance).singleElement()
                .extracting(f -> ((Frame.Speculate) f).text()).isEqualTo("my boiler");

        caller.sayLevel(5);
        assertThat(caller.run.events()).last().isEqualTo(Frame.Signal.SPECULATION_VOID);
        assertThat(caller.run.events()).noneMatch(Frame.Utterance.class::isInstance);
    }

    @Test
    void noSpeculationWhenItIsSwitchedOff() {
        caller = new CallerTurns(EndOfTurnSettings.defaults().withSpeculateAfterMillis(0));
        caller.answering(Expectation.YES_NO).sayLevel(10).heard("yes").quiet(12);

        assertThat(caller.run.events()).noneMatch(Frame.Speculate.class::isInstance);
        assertThat(caller.utterance().text()).isEqualTo("yes");
    }

    @Test
    void nothingHeardIsNoTurn() {
        caller.heard("", " ");
        caller.run.push(Frame.Signal.SPEECH_STARTED);
        caller.loud(5).run.push(Frame.Signal.SPEECH_STOPPED);

        assertThat(caller.run.events()).containsExactly(Frame.Signal.SPEECH_STARTED, Frame.Signal.SPEECH_STOPPED);
    }
}
