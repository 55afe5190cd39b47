package io.switchboard.media.call;

import io.switchboard.bench.audio.SpeechSamples;
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
 * per-utterance records are spread over the frames; media-server's {@code InboundPipelineAllocationTest} shows they fall
 * on the two frames where an utterance and its turn end). Run with {@code -prof gc}. The chain is
 * {@code InboundPipelines}' (media-server's test-jar), the one that test plays.
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

    private InboundPipelines.Loop loop;

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
        loop = new InboundPipelines.Loop(InboundPipelines.onTheWire(pcm));
    }

    @Benchmark
    public int frame() {
        return loop.frame();
    }
}
