package io.switchboard.media.call;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.simulator.DeafRecognizer;
import io.switchboard.media.tts.AudioSink;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.media.tts.SpeechSynthesizer;
import io.switchboard.media.tts.SynthesisResult;
import io.switchboard.models.Channel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 20 ms frame of reply audio through the whole outbound pipeline as a call builds it (dialog, sentences, tts,
 * pacing, with the pipeline's own per-stage accounting on the real clock) into the {@link Playback}, which paces it
 * on the call's clock. The clock here moves on when pacing waits, as the fast call driver's does, so nothing sleeps;
 * the line copies each frame and echoes each mark, as Twilio would. {@code replyFrame}: one frame handed to the
 * pipeline's head; {@code cachedSentenceFrame}: a one-second cached prompt sentence through TTS and pacing, per frame
 * (the sentence's few records, its prompt lookup and its mark spread over its 50 frames). Run with {@code -prof gc}.
 *
 * <p>In the {@code io.switchboard.media.call} package because the stages are package-private to the call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class OutboundPipelineBenchmark {

    private static final int PROMPT_FRAMES = 50;
    private static final String PROMPT = "Can I take your name, please?";

    private final ReplyAudio audio = new ReplyAudio().set(new byte[AudioSink.FRAME_BYTES], 0, AudioSink.FRAME_BYTES);
    private final ReplyFrame.Sentence sentence = new ReplyFrame.Sentence(0, PROMPT, null);
    private Pipeline pipeline;

    @Setup(Level.Trial)
    public void setUp() {
        MovingClock clock = new MovingClock();
        Line line = new Line();
        Playback playback = new Playback(line, VoiceSettings.defaults().maxPlaybackLeadMillis(), clock);
        line.playback = playback;
        SpeechSynthesizer synthesizer = new PromptFrames();
        VoiceCalls calls = new VoiceCalls(new NoDialog(), new DeafRecognizer(), synthesizer,
                PromptCache.preload(synthesizer, List.of()), VoiceSettings.defaults());
        TurnTakingStats stats = new TurnTakingStats(calls.metrics());
        CallContext call = new CallContext("CA00000000000000000000000000000b01", null);
        pipeline = new Pipeline(CallClock.SYSTEM, f -> { }, List.of(
                new DialogStage(call, new NoDialog(), TurnPreview.NONE, calls.metrics(), stats, clock),
                new SentenceStage(),
                new TtsStage(synthesizer, PromptCache.preload(synthesizer, List.of(PROMPT)), calls.metrics(), clock,
                        call.maskedId()),
                new PacingStage(playback, line, new CutOffWatch(stats), clock, call.maskedId())));
        ReplyFrame.Answer answer = new ReplyFrame.Answer(1, TurnTrigger.GREETING, 0, 0, 0, 0, null, PROMPT, null,
                null, false, Expectation.NONE);
        // A reply that never ends: every frame below belongs to it.
        pipeline.push(new ReplyFrame.Begin(answer, 1));
    }

    @Benchmark
    public int replyFrame() {
        pipeline.push(audio);
        return audio.length;
    }

    @Benchmark
    @OperationsPerInvocation(PROMPT_FRAMES)
    public int cachedSentenceFrame() {
        pipeline.push(sentence);
        return sentence.index();
    }

    /** The call's clock on simulated time: pacing's waits pass at once. */
    private static final class MovingClock implements CallClock {
        private long now = 1_000_000_000L;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void pause(Object blocker, long nanos) {
            now += nanos;
        }
    }

    /** Twilio's side: takes a copy of each frame and echoes each mark at once. */
    private static final class Line implements CallOutput {
        private final byte[] wire = new byte[AudioSink.FRAME_BYTES];
        Playback playback;

        @Override
        public void sendMedia(byte[] muLaw, int offset, int length) {
            System.arraycopy(muLaw, offset, wire, 0, Math.min(length, wire.length));
        }

        @Override
        public void sendMark(String name) {
            playback.acknowledged(name);
        }

        @Override
        public void sendClear() {
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public void hangUp() {
        }
    }

    /** Fifty silent frames for any text: the cached prompt's audio. */
    private static final class PromptFrames implements SpeechSynthesizer {
        private final byte[] frame = new byte[AudioSink.FRAME_BYTES];

        @Override
        public SynthesisResult synthesize(String text, AudioSink sink, BooleanSupplier cancelled) {
            for (int i = 0; i < PROMPT_FRAMES; i++) {
                sink.accept(frame, 0, frame.length);
            }
            return new SynthesisResult(PROMPT_FRAMES, false, 0, 0);
        }

        @Override
        public void close() {
        }
    }

    /** The dialog is not asked: only audio goes through. */
    private static final class NoDialog implements DialogEngine {
        @Override
        public TurnResult begin(Channel channel, String sessionId, String from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TurnResult handle(TurnRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void end(Channel channel, String sessionId) {
        }
    }
}
