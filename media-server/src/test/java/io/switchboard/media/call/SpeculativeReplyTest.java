package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.stt.RecognitionStream;
import io.switchboard.media.stt.SpeechRecognizer;
import io.switchboard.media.tts.AudioSink;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.media.tts.SpeechStream;
import io.switchboard.media.tts.SpeechSynthesizer;
import io.switchboard.media.tts.SynthesisResult;
import io.switchboard.models.Channel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Speculative replies on the speaking thread: prepared on the words so far and held; sent at once when the turn ends
 * with those words, committing the dialog's preview only then; dropped with no effect when the caller goes on or the
 * final words differ. The clock is the test's: synthesis moves it by 80 ms a sentence, so a held first sentence shows
 * as a reply that starts the moment its turn is handed over.
 */
class SpeculativeReplyTest {

    private static final String CALL = "CA00000000000000000000000000000s01";
    private static final String PREPARED = "Tuesday at nine it is. Anything else?";

    private final ManualClock clock = new ManualClock();
    private final RecordingOutput output = new RecordingOutput();
    private final TimedSynthesizer synthesizer = new TimedSynthesizer();
    private final CountingEngine engine = new CountingEngine();
    private final RecordingPreview preview = new RecordingPreview();
    private final BlockingQueue<Frame> replies = new LinkedBlockingQueue<>();
    private final List<TurnLatency> turns = new CopyOnWriteArrayList<>();
    private final VoiceCalls calls = new VoiceCalls(engine, new NoRecognizer(), synthesizer,
            PromptCache.preload(synthesizer, List.of()), VoiceSettings.defaults());
    private final TurnTakingStats stats = new TurnTakingStats(calls.metrics());
    private final Playback playback = new Playback(output, 1000, clock);
    private final CallSpeaker speaker = new CallSpeaker(new CallContext(CALL, "+447700900123"), engine, synthesizer,
            PromptCache.preload(synthesizer, List.of()), playback, output, List.of(turns::add), calls.metrics(),
            CallTrace.NONE, clock, replies::add, preview, stats, new CutOffWatch(stats));
    private final Thread speaking = new Thread(speaker, "speculation-test-speak");

    SpeculativeReplyTest() {
        speaking.setDaemon(true);
        speaking.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        speaker.stop();
        speaking.join(2000);
    }

    @Test
    void aCommittedSpeculationSendsItsHeldAudioAtOnceAndOnlyThenTakesEffect() throws Exception {
        speaker.speculate("tuesday at nine");
        awaitPrepared(1);
        assertThat(media()).as("held, not sent").isZero();
        assertThat(preview.commits).hasValue(0);

        long ready = clock.nanoTime();
        speaker.submit(spoken("Tuesday  at nine", ready));
        awaitReplied();

        assertThat(preview.commits).as("the turn takes effect on commit").hasValue(1);
        assertThat(engine.handled).as("no second turn").hasValue(0);
        assertThat(synthesizer.spoken).as("the first sentence was synthesised once, while the caller paused")
                .containsExactly("Tuesday at nine it is.", "Anything else?");
        assertThat(turns).singleElement().satisfies(t -> assertThat(t.totalMillis()).isEqualTo(0.0));
        assertThat(stats.counts()).isEqualTo(new TurnTakingCounts(1, 0, 1, 0, 0));
        assertThat(calls.turnTaking().speculationHits()).isEqualTo(1);
    }

    @Test
    void aSpeculationTheCallerTalksOnFromIsDroppedWithNoEffect() throws Exception {
        speaker.speculate("my boiler");
        awaitPrepared(1);
        speaker.discardSpeculation();
        assertThat(media()).isZero();

        long ready = clock.nanoTime();
        speaker.submit(spoken("my boiler is leaking", ready));
        awaitReplied();

        assertThat(preview.commits).as("nothing of the speculative turn happened").hasValue(0);
        assertThat(engine.handled).as("the real turn ran as usual").hasValue(1);
        assertThat(engine.lastText).isEqualTo("my boiler is leaking");
        assertThat(turns).singleElement().satisfies(t -> assertThat(t.totalMillis()).isEqualTo(80.0));
        assertThat(stats.counts()).isEqualTo(new TurnTakingCounts(1, 0, 0, 0, 1));
    }

    @Test
    void otherFinalWordsAreAMissAndTheTurnRunsAsUsual() throws Exception {
        speaker.speculate("tuesday at nine");
        awaitPrepared(1);

        speaker.submit(spoken("thursday at nine", clock.nanoTime()));
        awaitReplied();

        assertThat(preview.commits).hasValue(0);
        assertThat(engine.handled).hasValue(1);
        assertThat(engine.lastText).isEqualTo("thursday at nine");
        assertThat(stats.counts()).isEqualTo(new TurnTakingCounts(1, 0, 0, 1, 0));
    }

    @Test
    void aMissStopsTheHeldSentenceBeingSynthesisedSoTheTurnDoesNotWaitForIt() throws Exception {
        synthesizer.untilCancelled.set(true); // a long read-back: the vocoder would run for seconds
        speaker.speculate("tuesday at nine");
        awaitPreviews(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (synthesizer.spoken.isEmpty()) {
            assertThat(System.nanoTime()).as("held sentence never started").isLessThan(deadline);
            Thread.onSpinWait();
        }

        long submitted = System.nanoTime();
        speaker.submit(spoken("thursday at nine", clock.nanoTime()));
        awaitReplied();

        assertThat(synthesizer.stoppedEarly).as("the held sentence stopped when the turn ended on other words")
                .containsExactly(true);
        assertThat(System.nanoTime() - submitted).as("the turn did not wait out the held sentence")
                .isLessThan(TimeUnit.SECONDS.toNanos(2));
        assertThat(engine.lastText).isEqualTo("thursday at nine");
        assertThat(stats.counts()).as("still counted as a miss").isEqualTo(new TurnTakingCounts(1, 0, 0, 1, 0));
    }

    @Test
    void aTurnArrivingWhileItsHeldSentenceIsSynthesisedPlaysWhatIsHeldAndStreamsTheRest() throws Exception {
        synthesizer.lazyFrames.set(120); // a long read-back, vocoded 4 ms a frame as it is read
        speaker.speculate("tuesday at nine");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (synthesizer.lazyDelivered.get() < 10) {
            assertThat(System.nanoTime()).as("held sentence never started").isLessThan(deadline);
            Thread.onSpinWait();
        }

        speaker.submit(spoken("tuesday at nine", clock.nanoTime()));
        awaitReplied();

        assertThat(synthesizer.lazyReads).as("held until the turn arrived, then read on from where it paused")
                .hasValue(2);
        List<Byte> sent = output.frameMarks();
        assertThat(sent).as("the whole first sentence once, in order, then the second").hasSize(120 + 5);
        for (int i = 0; i < 120; i++) {
            assertThat(sent.get(i)).isEqualTo((byte) i);
        }
        assertThat(synthesizer.spoken).containsExactly("Tuesday at nine it is.", "Anything else?");
        assertThat(preview.commits).hasValue(1);
        assertThat(engine.handled).hasValue(0);
        assertThat(stats.counts()).as("a hit").isEqualTo(new TurnTakingCounts(1, 0, 1, 0, 0));
    }

    @Test
    void aPreviewThatDeclinesMeansNoSpeculation() throws Exception {
        preview.decline = true;
        speaker.speculate("tuesday at nine");
        awaitPreviews(1);

        speaker.submit(spoken("tuesday at nine", clock.nanoTime()));
        awaitReplied();

        assertThat(engine.handled).hasValue(1);
        assertThat(stats.counts()).isEqualTo(new TurnTakingCounts(1, 0, 0, 0, 0));
    }

    private static TurnInput.Spoken spoken(String text, long ready) {
        return new TurnInput.Spoken(text, ready, ready, true, 140, false);
    }

    private long media() {
        return output.messages().stream().filter("media"::equals).count();
    }

    private void awaitPreviews(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (preview.previews.get() < n) {
            assertThat(System.nanoTime()).as("preview never asked for").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private void awaitPrepared(int sentences) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (synthesizer.done.get() < sentences) {
            assertThat(System.nanoTime()).as("speculation never prepared").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private void awaitReplied() throws InterruptedException {
        assertThat(replies.poll(5, TimeUnit.SECONDS)).as("turn answered").isInstanceOf(Frame.Replied.class);
    }

    private static TurnResult result(String reply) {
        return new TurnResult(CALL, reply, null, null, null, null, List.of(), Expectation.NONE);
    }

    /** The effecting path: every call here is a turn that happened. */
    private static final class CountingEngine implements DialogEngine {
        final AtomicInteger handled = new AtomicInteger();
        volatile String lastText;

        @Override
        public TurnResult begin(Channel channel, String sessionId, String from) {
            return result("Hello.");
        }

        @Override
        public TurnResult handle(TurnRequest request) {
            handled.incrementAndGet();
            lastText = request.text();
            return result("Sorry, say that again?");
        }

        @Override
        public void end(Channel channel, String sessionId) {
        }
    }

    /** Previews {@link #PREPARED}; counts what was asked and what was committed. */
    private static final class RecordingPreview implements TurnPreview {
        final AtomicInteger previews = new AtomicInteger();
        final AtomicInteger commits = new AtomicInteger();
        volatile boolean decline;

        @Override
        public Optional<Preview> preview(TurnRequest request) {
            previews.incrementAndGet();
            if (decline) {
                return Optional.empty();
            }
            TurnResult r = result(PREPARED);
            return Optional.of(new Preview() {
                @Override
                public TurnResult result() {
                    return r;
                }

                @Override
                public TurnResult commit(TurnRequest asHeard) {
                    commits.incrementAndGet();
                    return r;
                }
            });
        }
    }

    /** Five silent frames a sentence, after 80 ms of the test's clock. */
    private final class TimedSynthesizer implements SpeechSynthesizer {
        final List<String> spoken = new CopyOnWriteArrayList<>();
        final AtomicInteger done = new AtomicInteger();
        /** The next sentence runs until cancelled (at most five seconds), as a long one through a vocoder does. */
        final AtomicBoolean untilCancelled = new AtomicBoolean();
        final List<Boolean> stoppedEarly = new CopyOnWriteArrayList<>();
        /** When set, the next sentence opened is a lazy stream of this many frames, frame i starting with byte i. */
        final AtomicInteger lazyFrames = new AtomicInteger();
        final AtomicInteger lazyDelivered = new AtomicInteger();
        final AtomicInteger lazyReads = new AtomicInteger();

        @Override
        public SpeechStream open(String text, BooleanSupplier unwanted) {
            int frames = lazyFrames.getAndSet(0);
            if (frames == 0) {
                return SpeechSynthesizer.super.open(text, unwanted);
            }
            spoken.add(text);
            return new SpeechStream() {
                int next;

                @Override
                public boolean deliver(AudioSink sink, BooleanSupplier pause) {
                    lazyReads.incrementAndGet();
                    byte[] frame = new byte[160];
                    for (; next < frames; next++) {
                        if (pause.getAsBoolean()) {
                            return true;
                        }
                        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(4);
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                        frame[0] = (byte) next;
                        sink.accept(frame, 0, 160);
                        lazyDelivered.incrementAndGet();
                    }
                    return false;
                }

                @Override
                public int frames() {
                    return next;
                }

                @Override
                public void close() {
                    next = frames;
                }
            };
        }

        @Override
        public SynthesisResult synthesize(String text, AudioSink sink, BooleanSupplier cancelled) {
            spoken.add(text);
            if (untilCancelled.compareAndSet(true, false)) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!cancelled.getAsBoolean() && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                stoppedEarly.add(cancelled.getAsBoolean());
                done.incrementAndGet();
                return new SynthesisResult(0, true, clock.nanoTime(), clock.nanoTime());
            }
            long started = clock.nanoTime();
            clock.advanceMillis(80);
            byte[] frame = new byte[160];
            java.util.Arrays.fill(frame, (byte) 0xFF);
            int n = 0;
            for (; n < 5 && !cancelled.getAsBoolean(); n++) {
                sink.accept(frame, 0, 160);
            }
            done.incrementAndGet();
            return new SynthesisResult(n, cancelled.getAsBoolean(), started, clock.nanoTime());
        }

        @Override
        public void close() {
        }
    }

    private static final class NoRecognizer implements SpeechRecognizer {
        @Override
        public int sampleRate() {
            return 16_000;
        }

        @Override
        public RecognitionStream openStream() {
            throw new UnsupportedOperationException("no recognition in this test");
        }

        @Override
        public void close() {
        }
    }
}
