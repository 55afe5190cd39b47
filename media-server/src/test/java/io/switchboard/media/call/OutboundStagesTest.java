package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.metrics.DependencyKind;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.simulator.DeafRecognizer;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.media.tts.SpeechSynthesisException;
import io.switchboard.models.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The outbound stages frames-in / frames-out on the test's clock, no threads and no sleeps: dialog, sentence split,
 * TTS and pacing one by one, then the four together as a call builds them (a barge-in stopping a reply, per-stage
 * counts from the pipeline).
 */
class OutboundStagesTest {

    private static final String CALL = "CA00000000000000000000000000000o01";
    private static final CallContext CONTEXT = new CallContext(CALL, "+447700900123");

    private final ManualClock clock = new ManualClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OutboundRun.FakeSynthesizer synthesizer = new OutboundRun.FakeSynthesizer(clock, 5, 80);
    private final VoiceCalls calls = new VoiceCalls(new Engine(), new DeafRecognizer(), synthesizer,
            PromptCache.preload(synthesizer, List.of()), VoiceSettings.defaults()).withMetrics(new Metrics(registry));
    private final TurnTakingStats stats = new TurnTakingStats(calls.metrics());
    private final RecordingOutput output = new RecordingOutput();

    private double errors(DependencyKind kind) {
        return registry.find(Metrics.PREFIX + "dependency.errors").tag("kind", kind.tag()).counter().count();
    }

    private static TurnResult result(String reply, Expectation expecting, DialogAction... actions) {
        return new TurnResult(CALL, reply, null, null, null, null, List.of(actions), expecting);
    }

    private static ReplyFrame.Answer answer(String text, Speculation release) {
        return new ReplyFrame.Answer(2, TurnTrigger.SPEECH, 1, 2, 3, 140, "yes", text, null, release, false,
                Expectation.NONE);
    }

    private static ReplyFrame.Turn spoken(String text) {
        return new ReplyFrame.Turn(new TurnInput.Spoken(text, 10, 20, false, 700, false));
    }

    @Nested
    class Dialog {

        private final Engine engine = new Engine();
        private final Previews previews = new Previews();
        private final DialogStage dialog = new DialogStage(CONTEXT, engine, previews, calls.metrics(), stats, clock);
        private final OutboundRun run = new OutboundRun(clock, dialog);

        @Test
        void aTurnBecomesTheDialogsAnswerWithItsTimingAndExpectation() {
            engine.reply = result("Can I take your name?", Expectation.NAME);
            run.push(new ReplyFrame.Turn(new TurnInput.Greeting(5)));
            clock.advanceMillis(7);
            run.push(spoken("a leak"));

            List<ReplyFrame.Answer> answers = run.out(ReplyFrame.Answer.class);
            assertThat(answers).extracting(ReplyFrame.Answer::turn).containsExactly(1, 2);
            assertThat(answers.get(0).trigger()).isEqualTo(TurnTrigger.GREETING);
            assertThat(answers.get(0).text()).isEqualTo("Hello.");
            ReplyFrame.Answer second = answers.get(1);
            assertThat(second.trigger()).isEqualTo(TurnTrigger.SPEECH);
            assertThat(second.heard()).isEqualTo("a leak");
            assertThat(second.text()).isEqualTo("Can I take your name?");
            assertThat(second.readyNanos()).isEqualTo(10);
            assertThat(second.sttFinalNanos()).isEqualTo(20);
            assertThat(second.dialogDoneNanos()).isEqualTo(clock.nanoTime());
            assertThat(second.silenceMillis()).isEqualTo(700);
            assertThat(second.expecting()).isEqualTo(Expectation.NAME);
            assertThat(dialog.expecting()).isEqualTo(Expectation.NAME);
            assertThat(dialog.ending()).isFalse();
            assertThat(engine.texts).containsExactly("a leak");
        }

        @Test
        void silenceAndShutdownAreAnsweredWithoutTheDialogAndTheGoodbyesEndTheConversation() {
            run.push(new ReplyFrame.Turn(new TurnInput.Silence(false, 1)));
            assertThat(dialog.ending()).isFalse();
            run.push(new ReplyFrame.Turn(new TurnInput.Silence(true, 2)));

            assertThat(run.out(ReplyFrame.Answer.class)).extracting(ReplyFrame.Answer::text)
                    .containsExactly(CallPrompts.STILL_THERE, CallPrompts.SILENT_GOODBYE);
            assertThat(run.out(ReplyFrame.Answer.class)).extracting(ReplyFrame.Answer::ending)
                    .containsExactly(false, true);
            assertThat(dialog.ending()).isTrue();
            assertThat(engine.texts).isEmpty();

            DialogStage other = new DialogStage(CONTEXT, engine, previews, calls.metrics(), stats, clock);
            OutboundRun closing = new OutboundRun(clock, other).push(new ReplyFrame.Turn(new TurnInput.Closing(3)));
            assertThat(closing.out(ReplyFrame.Answer.class)).singleElement().satisfies(a -> {
                assertThat(a.trigger()).isEqualTo(TurnTrigger.SHUTDOWN);
                assertThat(a.text()).isEqualTo(CallPrompts.CLOSING);
            });
            assertThat(other.ending()).isTrue();
        }

        @Test
        void aFailingDialogIsAnApologyAndADialogEndingTheConversationEndsIt() {
            engine.failure = new IllegalStateException("database down");
            run.push(spoken("hello"));
            engine.failure = null;
            engine.reply = result("Bye now.", Expectation.NONE, new DialogAction.EndConversation());
            run.push(spoken("that's all"));

            List<ReplyFrame.Answer> answers = run.out(ReplyFrame.Answer.class);
            assertThat(answers.get(0).text()).isEqualTo(CallPrompts.TROUBLE);
            assertThat(answers.get(0).heard()).isEqualTo("hello");
            assertThat(answers.get(0).result()).isNull();
            assertThat(errors(DependencyKind.DIALOG)).isEqualTo(1.0);
            assertThat(answers.get(1).ending()).isTrue();
            assertThat(dialog.ending()).isTrue();
        }

        @Test
        void aSpeculationWithTheFinalWordsIsCommittedAndReleasesItsHeldAudio() {
            Speculation s = new Speculation("tuesday at nine");
            run.push(new ReplyFrame.Prepare(s));
            assertThat(run.out(ReplyFrame.Prepare.class)).as("prepared, for its first sentence to be held")
                    .containsExactly(new ReplyFrame.Prepare(s));
            assertThat(previews.commits).isZero();
            s.holder().accept(new byte[160], 0, 160); // what TTS would hold

            run.push(spoken("Tuesday at  nine"));

            assertThat(previews.commits).isEqualTo(1);
            assertThat(engine.texts).as("the committed preview is the turn").isEmpty();
            assertThat(run.out(ReplyFrame.Answer.class)).singleElement().satisfies(a -> {
                assertThat(a.release()).isSameAs(s);
                assertThat(a.text()).isEqualTo(Previews.REPLY);
            });
            assertThat(stats.counts()).isEqualTo(new TurnTakingCounts(0, 0, 1, 0, 0));
        }

        @Test
        void aVoidedSpeculationOrOtherWordsRunTheTurnAsUsualAndNothingOfThePreviewHappens() {
            Speculation voided = new Speculation("my boiler");
            run.push(new ReplyFrame.Prepare(voided));
            voided.voidIt();
            run.push(spoken("my boiler is leaking"));
            Speculation missed = new Speculation("tuesday at nine");
            run.push(new ReplyFrame.Prepare(missed));
            run.push(spoken("thursday at nine"));

            assertThat(previews.commits).isZero();
            assertThat(engine.texts).containsExactly("my boiler is leaking", "thursday at nine");
            assertThat(run.out(ReplyFrame.Answer.class)).extracting(ReplyFrame.Answer::release).containsOnlyNulls();
            assertThat(stats.counts().speculationMisses()).isEqualTo(1);
        }

        @Test
        void aDeclinedPreviewHoldsNothing() {
            previews.decline = true;
            run.push(new ReplyFrame.Prepare(new Speculation("tuesday at nine")));
            assertThat(run.out).isEmpty();
        }
    }

    @Nested
    class SentenceSplit {

        private final OutboundRun run = new OutboundRun(clock, new SentenceStage());

        @Test
        void anAnswerIsBegunSplitIntoSentencesAndEndedAndACommittedSpeculationStandsInForTheFirst() {
            Speculation s = new Speculation("yes");
            ReplyFrame.Answer a = answer("Lovely. See you Tuesday!", s);

            run.push(a);

            assertThat(run.out).containsExactly(new ReplyFrame.Begin(a, 2),
                    new ReplyFrame.Sentence(0, "Lovely.", s), new ReplyFrame.Sentence(1, "See you Tuesday!", null),
                    new ReplyFrame.EndOfReply(a, 2));
        }

        @Test
        void anEmptyReplyIsStillBegunAndEndedAndAPreparedSpeculationHoldsItsFirstSentence() {
            ReplyFrame.Answer empty = answer("  ", null);
            run.push(empty);
            Speculation s = new Speculation("tuesday");
            s.prepared(new Previews().preview(null).orElseThrow());
            run.push(new ReplyFrame.Prepare(s));

            assertThat(run.out).containsExactly(new ReplyFrame.Begin(empty, 0), new ReplyFrame.EndOfReply(empty, 0),
                    new ReplyFrame.Hold(s, "Tuesday at nine it is."));
        }
    }

    @Nested
    class Tts {

        private final TtsStage tts;
        private final OutboundRun run;

        Tts() {
            PromptCache prompts = PromptCache.preload(synthesizer, List.of("Goodbye."));
            synthesizer.spoken.clear();
            tts = new TtsStage(synthesizer, prompts, calls.metrics(), clock, "#o01");
            run = new OutboundRun(clock, tts);
        }

        @Test
        void eachSentencesAudioComesOutBeforeTheSentenceCachedPromptsWithoutSynthesis() {
            ReplyFrame.Answer a = answer("Thanks. Goodbye.", null);
            ReplyFrame.Sentence first = new ReplyFrame.Sentence(0, "Thanks.", null);
            ReplyFrame.Sentence second = new ReplyFrame.Sentence(1, "Goodbye.", null);
            long asked = clock.nanoTime();

            run.push(new ReplyFrame.Begin(a, 2), first, second, new ReplyFrame.EndOfReply(a, 2));

            List<Object> expected = new ArrayList<>();
            expected.add(new ReplyFrame.Begin(a, 2));
            for (int i = 0; i < 5; i++) {
                expected.add("audio");
            }
            expected.add(first);
            for (int i = 0; i < 5; i++) {
                expected.add("audio");
            }
            expected.add(second);
            expected.add(new ReplyFrame.EndOfReply(a, 2, asked + TimeUnit.MILLISECONDS.toNanos(80), 0, false, 0));
            assertThat(run.out).containsExactlyElementsOf(expected);
            assertThat(synthesizer.spoken).as("the cached sentence was not synthesised").containsExactly("Thanks.");
        }

        @Test
        void heldAudioIsReleasedAtOnceAndAHoldFillsTheSpeculationSendingNothing() {
            Speculation s = new Speculation("yes");
            run.push(new ReplyFrame.Hold(s, "Lovely."));
            assertThat(run.out).isEmpty();
            assertThat(s.holdsAudio()).isTrue();

            ReplyFrame.Answer a = answer("Lovely.", s);
            long now = clock.nanoTime();
            run.push(new ReplyFrame.Begin(a, 1), new ReplyFrame.Sentence(0, "Lovely.", s),
                    new ReplyFrame.EndOfReply(a, 1));

            assertThat(run.audioOut()).isEqualTo(5);
            assertThat(synthesizer.spoken).as("synthesised once, for the hold").containsExactly("Lovely.");
            assertThat(run.out(ReplyFrame.EndOfReply.class)).singleElement()
                    .satisfies(e -> assertThat(e.firstAudioNanos()).as("no synthesis wait").isEqualTo(now));
        }

        @Test
        void anInterruptFromPacingStopsSynthesisWithinAFrameAndDropsTheRestOfTheReply() {
            ReplyFrame.Answer a = answer("One. Two.", null);
            synthesizer.onFrame = n -> {
                if (n == 2) {
                    tts.onUpstream(new Frame.Interrupt(1, 0, 2), null);
                }
            };

            run.push(new ReplyFrame.Begin(a, 2), new ReplyFrame.Sentence(0, "One.", null),
                    new ReplyFrame.Sentence(1, "Two.", null), new ReplyFrame.EndOfReply(a, 2));

            assertThat(run.audioOut()).isEqualTo(2);
            assertThat(synthesizer.cancelled).containsExactly("One.");
            assertThat(synthesizer.spoken).as("the second sentence was never synthesised").containsExactly("One.");
            assertThat(run.events()).containsExactly(new ReplyFrame.Begin(a, 2), new ReplyFrame.Sentence(0, "One.",
                    null), run.out(ReplyFrame.EndOfReply.class).get(0));
        }

        @Test
        void aCancelledReplyNamedByPacingIsNotSynthesised() {
            ReplyFrame.Answer a = answer("One.", null);
            Reply reply = new Reply(1, 1);
            run.push(new ReplyFrame.Begin(a, 1));
            tts.onUpstream(new ReplyFrame.Playing(reply), null);
            reply.cancel(); // a barge-in, on the call thread, between sentences

            run.push(new ReplyFrame.Sentence(0, "One.", null));

            assertThat(synthesizer.spoken).isEmpty();
            assertThat(run.audioOut()).isZero();
        }

        @Test
        void aSentenceThatCannotBeSynthesisedIsSkippedUnmarkedAndCounted() {
            ReplyFrame.Answer a = answer("One. Two.", null);
            synthesizer.failure = new SpeechSynthesisException("engine broke", null);
            run.push(new ReplyFrame.Begin(a, 2), new ReplyFrame.Sentence(0, "One.", null));
            synthesizer.failure = null;
            run.push(new ReplyFrame.Sentence(1, "Two.", null));

            assertThat(run.events()).containsExactly(new ReplyFrame.Begin(a, 2),
                    new ReplyFrame.Sentence(1, "Two.", null));
            assertThat(errors(DependencyKind.SPEECH_SYNTHESIS)).isEqualTo(1.0);
        }
    }

    @Nested
    class Pacing {

        private final Playback playback = new Playback(output, 200, clock);
        private final CutOffWatch cutOffs = new CutOffWatch(stats);
        private final OutboundRun run = new OutboundRun(clock,
                new PacingStage(playback, output, cutOffs, clock, "#o01"));
        private final ReplyAudio audio = new ReplyAudio().set(new byte[160], 0, 160);

        @Test
        void framesGoOutPacedToTheLeadOnTheCallsClockWithAMarkAfterEachSentence() {
            ReplyFrame.Answer a = answer("One. Two.", null);
            long start = clock.nanoTime();
            run.push(new ReplyFrame.Begin(a, 2));
            assertThat(run.upstream).singleElement().isInstanceOf(ReplyFrame.Playing.class);
            for (int i = 0; i < 50; i++) {
                run.push(audio);
            }
            run.push(new ReplyFrame.Sentence(0, "One.", null));
            run.push(audio, new ReplyFrame.Sentence(1, "Two.", null), new ReplyFrame.EndOfReply(a, 2));

            assertThat(output.messages()).containsExactly("media", "mark:r1s0", "media", "mark:r1s1");
            // 51 frames are 1020 ms of audio; the line may be at most 200 ms ahead, so sending waited the rest.
            assertThat(clock.nanoTime() - start).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1020 - 200));
            assertThat(run.out(ReplyFrame.EndOfReply.class)).singleElement().satisfies(e -> {
                assertThat(e.firstSentNanos()).isEqualTo(start);
                assertThat(e.cut()).isFalse();
            });
            assertThat(stats.counts().spokenReplies()).as("a reply to speech started").isEqualTo(1);
            assertThat(playback.audible()).as("sent, not yet played").isTrue();
        }

        @Test
        void aBargeInDropsTheRestOfTheReplyAndIsReportedUpstreamOnce() {
            ReplyFrame.Answer a = answer("One. Two.", null);
            run.push(new ReplyFrame.Begin(a, 2), audio, new ReplyFrame.Sentence(0, "One.", null), audio);
            playback.acknowledged("r1s0");
            playback.interrupt(); // the call thread's barge-in stage

            run.push(audio, audio, new ReplyFrame.Sentence(1, "Two.", null), new ReplyFrame.EndOfReply(a, 2));

            assertThat(output.messages()).containsExactly("media", "mark:r1s0", "media", "clear");
            assertThat(run.upstream).hasSize(2).last().isEqualTo(new Frame.Interrupt(1, 1, 2));
            assertThat(run.out(ReplyFrame.EndOfReply.class)).singleElement().satisfies(e -> {
                assertThat(e.cut()).isTrue();
                assertThat(e.sentencesHeard()).isEqualTo(1);
                assertThat(e.latency("#o01").interrupted()).isTrue();
            });
            assertThat(playback.audible()).isFalse();
        }

        @Test
        void aHangUpWaitsForTheGoodbyeToPlayOutThenClosesTheStream() {
            ReplyFrame.Answer a = answer("Goodbye.", null);
            output.echoMarksTo(playback::acknowledged);
            run.push(new ReplyFrame.Begin(a, 1), audio, new ReplyFrame.Sentence(0, "Goodbye.", null),
                    new ReplyFrame.EndOfReply(a, 1), new ReplyFrame.HangUp(TimeUnit.SECONDS.toNanos(30)));

            assertThat(output.messages()).containsExactly("media", "mark:r1s0", "hangup");
        }
    }

    @Nested
    class WholeOutbound {

        private final Playback playback = new Playback(output, 1000, clock);
        private final Engine engine = new Engine();
        private final OutboundRun run = new OutboundRun(clock,
                new DialogStage(CONTEXT, engine, new Previews(), calls.metrics(), stats, clock),
                new SentenceStage(),
                new TtsStage(synthesizer, PromptCache.preload(synthesizer, List.of()), calls.metrics(), clock, "#o01"),
                new PacingStage(playback, output, new CutOffWatch(stats), clock, "#o01"));

        @Test
        void aTurnIsAnsweredSpokenAndTimedAndEveryStageIsCounted() {
            engine.reply = result("Sure. What's your name?", Expectation.NAME);
            long ready = clock.nanoTime();
            run.push(new ReplyFrame.Turn(new TurnInput.Spoken("a leak", ready, ready, false, 700, false)));

            assertThat(output.messages()).containsExactly("media", "mark:r1s0", "media", "mark:r1s1");
            TurnLatency t = run.out(ReplyFrame.EndOfReply.class).get(0).latency("#o01");
            assertThat(t.ttsMillis()).isEqualTo(80.0);
            assertThat(t.totalMillis()).isEqualTo(80.0);
            assertThat(t.sentences()).isEqualTo(2);
            assertThat(t.interrupted()).isFalse();
            assertThat(run.pipeline.stats("dialog").framesIn()).isEqualTo(1);
            assertThat(run.pipeline.stats("sentences").framesOut()).as("begin, two sentences, end").isEqualTo(4);
            assertThat(run.pipeline.stats("tts").framesOut()).as("ten frames, two sentences, begin, end")
                    .isEqualTo(14);
            assertThat(run.pipeline.stats("pacing").audioIn()).isEqualTo(10);
            assertThat(run.pipeline.stats("tts").nanos()).as("two syntheses of 80 ms, on the injected clock")
                    .isEqualTo(TimeUnit.MILLISECONDS.toNanos(160));
        }

        @Test
        void aCallerTalkingOverTheReplyStopsItAndItsLaterSentencesAreNeverSynthesised() {
            engine.reply = result("One. Two. Three.", Expectation.NONE);
            synthesizer.onFrame = n -> {
                if (synthesizer.spoken.size() == 2 && n == 3) {
                    playback.interrupt(); // barge-in, as the call thread does it
                }
            };

            run.push(spoken("hello"));

            assertThat(synthesizer.spoken).containsExactly("One.", "Two.");
            assertThat(synthesizer.cancelled).containsExactly("Two.");
            assertThat(output.messages()).containsExactly("media", "mark:r1s0", "media", "clear");
            assertThat(run.pipeline.stats("pacing").audioIn()).as("5 + 3 frames before the cut").isEqualTo(8);
            TurnLatency t = run.out(ReplyFrame.EndOfReply.class).get(0).latency("#o01");
            assertThat(t.interrupted()).isTrue();
            assertThat(t.sentencesHeard()).isZero();
        }
    }

    /** Greets with "Hello.", answers with {@link #reply} (or throws {@link #failure}); notes each text. */
    private static final class Engine implements DialogEngine {
        final List<String> texts = new ArrayList<>();
        TurnResult reply = result("Sorry?", Expectation.NONE);
        RuntimeException failure;

        @Override
        public TurnResult begin(Channel channel, String sessionId, String from) {
            return result("Hello.", Expectation.NONE);
        }

        @Override
        public TurnResult handle(TurnRequest request) {
            if (failure != null) {
                throw failure;
            }
            texts.add(request.text());
            return reply;
        }

        @Override
        public void end(Channel channel, String sessionId) {
        }
    }

    /** Previews {@link #REPLY}; counts commits. */
    private static final class Previews implements TurnPreview {
        static final String REPLY = "Tuesday at nine it is. Anything else?";
        int commits;
        boolean decline;

        @Override
        public Optional<Preview> preview(TurnRequest request) {
            if (decline) {
                return Optional.empty();
            }
            TurnResult r = result(REPLY, Expectation.NONE);
            return Optional.of(new Preview() {
                @Override
                public TurnResult result() {
                    return r;
                }

                @Override
                public TurnResult commit(TurnRequest asHeard) {
                    commits++;
                    return r;
                }
            });
        }
    }
}
