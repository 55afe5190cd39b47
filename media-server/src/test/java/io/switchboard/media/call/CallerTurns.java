package io.switchboard.media.call;

import static io.switchboard.media.call.StageRun.frame;

import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.scheduling.testing.TestProfiles;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A caller's turns played into the turn-taking stage, 20 ms a frame on a clock the test moves: voiced or quiet frames
 * in, and a scripted recogniser behind the stage that answers its requests with the words the test says were heard.
 */
final class CallerTurns {

    final ManualClock clock = new ManualClock();
    final ScriptedStt stt = new ScriptedStt();
    final StageRun run;
    private final SyntheticVoice voice = new SyntheticVoice();

    CallerTurns(EndOfTurnSettings settings) {
        AnswerCheck answers = new AnswerCheck(TestProfiles.sample(),
                Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneId.of("Europe/London")));
        run = new StageRun(clock, stt, new TurnTakingStage(answers, settings));
    }

    /** The caller starts to answer a question that expected {@code expected}. */
    CallerTurns answering(Expectation expected) {
        run.push(new Frame.Expect(expected), Frame.Signal.SPEECH_STARTED);
        return this;
    }

    /** What the recogniser reads so far and at the end of the turn: the same words. */
    CallerTurns heard(String words) {
        return heard(words, words);
    }

    CallerTurns heard(String partial, String finished) {
        stt.partialText = partial;
        stt.finalText = finished;
        return this;
    }

    /** Voiced frames at a level pitch and loudness: no fall, no fade. */
    CallerTurns sayLevel(int frames) {
        return say(frames, 180, 180, 8000, 8000);
    }

    /** Voiced frames gliding from {@code hzFrom} to {@code hzTo} and from one level to another. */
    CallerTurns say(int frames, double hzFrom, double hzTo, double ampFrom, double ampTo) {
        for (int i = 0; i < frames; i++) {
            double at = frames == 1 ? 1 : (double) i / (frames - 1);
            AudioFrame f = voice.into(frame(false, clock.nanoTime()), hzFrom + (hzTo - hzFrom) * at,
                    ampFrom + (ampTo - ampFrom) * at);
            push(f);
        }
        return this;
    }

    /** Frames VAD calls speech, without a voice's pitch. */
    CallerTurns loud(int frames) {
        for (int i = 0; i < frames; i++) {
            push(frame(false, clock.nanoTime()));
        }
        return this;
    }

    CallerTurns quiet(int frames) {
        for (int i = 0; i < frames; i++) {
            push(frame(true, clock.nanoTime()));
        }
        return this;
    }

    private void push(AudioFrame f) {
        run.push(f);
        clock.advanceMillis(20);
    }

    /** The last utterance the stage let through. */
    Frame.Utterance utterance() {
        return run.events().stream().filter(Frame.Utterance.class::isInstance).map(Frame.Utterance.class::cast)
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no utterance in " + run.events()));
    }

    /** Answers turn-taking's requests with scripted text, and notes them. */
    final class ScriptedStt implements Stage {
        final List<Frame> requests = new ArrayList<>();
        String partialText = "";
        /** Whether a settle request is answered as settled (the engine can settle) or with a plain partial. */
        boolean settles;
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
            if (frame == Frame.Signal.READ_PARTIAL || frame == Frame.Signal.SETTLE_TURN) {
                context.emit(new Frame.Partial(partialText, frame == Frame.Signal.SETTLE_TURN && settles));
            } else if (frame == Frame.Signal.FINISH_TURN) {
                finishedAt = clock.nanoTime();
                context.emit(new Frame.Transcript(finalText, finishedAt));
            }
        }
    }
}
