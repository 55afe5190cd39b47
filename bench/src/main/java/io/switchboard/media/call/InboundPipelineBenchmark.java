package io.switchboard.media.call;

import io.switchboard.media.simulator.DeafRecognizer;
import io.switchboard.bench.audio.SpeechSamples;
import io.switchboard.media.codec.MuLaw;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 20 ms frame of caller audio through the whole inbound pipeline as a call builds it (decode, VAD, cut-off watch,
 * pre-roll, resample, STT feed, turn-taking, barge-in, keypad, silence, with the pipeline's own per-stage accounting) followed by
 * the call's timer tick. The recogniser is a stand-in that takes the samples and hears nothing, so this measures the
 * call's own per-frame work; Vosk's is {@code SpeechBenchmark}'s. {@code audio=line} is a quiet line (the per-frame
 * path alone); {@code audio=speech} loops a spoken sentence with pauses, so utterances start and end (their few
 * per-utterance records are spread over the frames). Run with {@code -prof gc}.
 *
 * <p>In the {@code io.switchboard.media.call} package because the stages are package-private to the call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class InboundPipelineBenchmark {

    @Param({"line", "speech"})
    public String audio;

    private byte[] wire;
    private int frames;
    private int frame;
    private final MuLawFrame slot = new MuLawFrame();
    private Pipeline pipeline;

    @Setup(Level.Trial)
    public void setUp() {
        short[] pcm;
        if (audio.equals("speech")) {
            short[] said = SpeechSamples.speak("I need a drain cleaning tomorrow morning please", 8000);
            pcm = new short[said.length + 8000];
            System.arraycopy(said, 0, pcm, 0, said.length);
        } else {
            pcm = new short[8000 * 4];
        }
        java.util.Random noise = new java.util.Random(1);
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, pcm[i] + noise.nextGaussian() * 20));
        }
        frames = pcm.length / 160;
        wire = new byte[frames * 160];
        MuLaw.encode(pcm, 0, wire.length, wire, 0);

        VoiceSettings settings = VoiceSettings.defaults();
        int capacity = ResampleStage.capacity(16_000);
        ReplyFloor silentFloor = new ReplyFloor() {
            @Override
            public boolean audible() {
                return false;
            }

            @Override
            public Frame.Interrupt interrupt() {
                return null;
            }
        };
        pipeline = new Pipeline(CallClock.SYSTEM, f -> { }, List.of(
                new DecodeStage(capacity),
                new VadStage(settings.vad(), CallClock.SYSTEM),
                new CutOffWatch(new TurnTakingStats(new CallMetrics(io.switchboard.dialog.metrics.Metrics.disabled(),
                        null))),
                new PreRollStage(settings.preRollMillis() / 20, capacity),
                new ResampleStage(16_000),
                new SttStage(new DeafRecognizer.Stream(), CallClock.SYSTEM),
                new TurnTakingStage(null, settings.endOfTurn()),
                new BargeInStage(silentFloor, settings.bargeInMillis()),
                new KeypadStage(settings.digitTimeout(), CallClock.SYSTEM),
                new SilenceStage(settings.repromptAfter(), settings.maxReprompts(), () -> true, CallClock.SYSTEM)));
    }

    @Benchmark
    public int frame() {
        int f = frame;
        frame = f + 1 == frames ? 0 : f + 1;
        System.arraycopy(wire, f * 160, slot.bytes, 0, 160);
        slot.length = 160;
        slot.arrivalNanos = f;
        pipeline.push(slot);
        pipeline.push(Frame.Signal.TICK);
        return slot.length;
    }
}
