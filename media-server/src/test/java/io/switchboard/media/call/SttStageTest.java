package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.stt.ListeningFor;
import io.switchboard.media.stt.Recognition;
import io.switchboard.media.simulator.DeafRecognizer;
import io.switchboard.media.stt.RecognitionStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * STT frames in, frames out: what the dialog asked reaches the recogniser as soon as it is asked, ahead of the next
 * turn's audio (so a second pass can run alongside), and the turn is finished against that same expectation.
 */
class SttStageTest {

    private final List<String> calls = new ArrayList<>();
    private final ListeningFor name = new ListeningFor("NAME", t -> true, List.of("john smith"), true, true);
    private final Map<Expectation, ListeningFor> listening = Map.of(Expectation.NAME, name);

    @Test
    void theExpectationReachesTheRecogniserBeforeTheAudioThatAnswersItAndTheTurnIsFinishedAgainstIt() {
        ScriptedStage finisher = ScriptedStage.named("finisher").onFrame((frame, context) -> {
            if (frame == Frame.Signal.SPEECH_STOPPED) {
                context.emitUpstream(Frame.Signal.FINISH_TURN);
            }
            context.emit(frame);
        });
        ManualClock clock = new ManualClock();
        SttStage stt = new SttStage(recording(), clock, e -> listening.getOrDefault(e, ListeningFor.ANYTHING), "call");
        StageRun run = new StageRun(clock, stt, finisher);

        run.push(new Frame.Expect(Expectation.NAME), speech(), speech(), Frame.Signal.SPEECH_STOPPED);

        assertThat(calls).containsExactly("expect NAME", "accept 320", "accept 320", "finish NAME");
        // the transcript answers the request the finisher made on seeing the end of speech, before passing it on
        assertThat(run.events()).containsExactly(new Frame.Expect(Expectation.NAME),
                new Frame.Transcript("john smith", clock.nanoTime(), List.of("john smith")), Frame.Signal.SPEECH_STOPPED);
    }

    @Test
    void aPauseSettledWithNothingSaidSinceIsTheTurnsTranscriptWithoutAFinalResultOnTheWay() {
        ManualClock clock = new ManualClock();
        SttStage stt = new SttStage(recording(), clock, e -> listening.getOrDefault(e, ListeningFor.ANYTHING), "call");
        StageRun run = new StageRun(clock, stt, asking(Frame.Signal.SETTLE_TURN, Frame.Signal.FINISH_TURN));

        run.push(new Frame.Expect(Expectation.NAME), speech(), Frame.Signal.TICK, Frame.Signal.SPEECH_STOPPED);

        assertThat(calls).containsExactly("expect NAME", "accept 320", "settle NAME", "end settled");
        assertThat(run.events()).contains(new Frame.Partial("john smith", true),
                new Frame.Transcript("john smith", clock.nanoTime(), List.of("john smith")));
    }

    @Test
    void whenTheCallerGoesOnAfterASettledPauseTheTurnResumesAndIsFinishedWhole() {
        ManualClock clock = new ManualClock();
        SttStage stt = new SttStage(recording(), clock, e -> listening.getOrDefault(e, ListeningFor.ANYTHING), "call");
        ScriptedStage turnTaking = ScriptedStage.named("turn-taking").onFrame((frame, context) -> {
            if (frame == Frame.Signal.TICK) {
                context.emitUpstream(Frame.Signal.SETTLE_TURN);
            } else if (frame instanceof AudioFrame && calls.contains("settle NAME")) {
                context.emitUpstream(Frame.Signal.RESUME_TURN);
            } else if (frame == Frame.Signal.SPEECH_STOPPED) {
                context.emitUpstream(Frame.Signal.FINISH_TURN);
            }
            context.emit(frame);
        });
        StageRun run = new StageRun(clock, stt, turnTaking);

        run.push(new Frame.Expect(Expectation.NAME), speech(), Frame.Signal.TICK, speech(), Frame.Signal.SPEECH_STOPPED);

        assertThat(calls).containsExactly("expect NAME", "accept 320", "settle NAME", "accept 320", "resume",
                "finish NAME");
    }

    @Test
    void anEngineThatCannotSettleIsAskedForAPartial() {
        ManualClock clock = new ManualClock();
        SttStage stt = new SttStage(new DeafRecognizer.Stream() {
            @Override
            public String partial() {
                return "john";
            }
        }, clock);
        StageRun run = new StageRun(clock, stt, asking(Frame.Signal.SETTLE_TURN, Frame.Signal.FINISH_TURN));

        run.push(speech(), Frame.Signal.TICK);

        assertThat(run.events()).contains(new Frame.Partial("john", false));
    }

    /** Sends {@code onTick} upstream on a tick and {@code onStop} at the end of speech. */
    private static ScriptedStage asking(Frame.Signal onTick, Frame.Signal onStop) {
        return ScriptedStage.named("turn-taking").onFrame((frame, context) -> {
            if (frame == Frame.Signal.TICK) {
                context.emitUpstream(onTick);
            } else if (frame == Frame.Signal.SPEECH_STOPPED) {
                context.emitUpstream(onStop);
            }
            context.emit(frame);
        });
    }

    private static AudioFrame speech() {
        AudioFrame f = StageRun.frame(false, 0);
        f.pcm16Length = 320;
        return f;
    }

    private RecognitionStream recording() {
        return new DeafRecognizer.Stream() {
            @Override
            public void accept(short[] pcm16k, int len) {
                calls.add("accept " + len);
            }

            @Override
            public void expect(ListeningFor expected, boolean spareCapacity) {
                calls.add("expect " + expected.label());
            }

            @Override
            public Recognition finish(ListeningFor expected) {
                calls.add("finish " + expected.label());
                return Recognition.of("john smith");
            }

            @Override
            public void reset() {
                calls.add("reset");
            }

            @Override
            public java.util.Optional<Recognition> settle(ListeningFor expected) {
                calls.add("settle " + expected.label());
                return java.util.Optional.of(Recognition.of("john smith"));
            }

            @Override
            public void resume() {
                calls.add("resume");
            }

            @Override
            public void endSettled() {
                calls.add("end settled");
            }
        };
    }
}
