package io.switchboard.bench.jmh;

import io.switchboard.bench.audio.SpeechSamples;
import io.switchboard.media.stt.RecognitionStream;
import io.switchboard.media.stt.SpeechRecognizer;
import io.switchboard.media.stt.VoskModelInstaller;
import io.switchboard.media.stt.VoskSpeechRecognizer;
import io.switchboard.media.tts.MaryTtsSynthesizer;
import io.switchboard.media.tts.SynthesisResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The speech engines: Vosk per 20 ms frame and for the final result of an utterance, MaryTTS time to the first
 * 20 ms of reply audio. Sampled, because their costs come in bursts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SpeechBenchmark {

    private static final int FRAME_16K = 320;

    private SpeechRecognizer vosk;
    private RecognitionStream stream;
    private MaryTtsSynthesizer mary;
    private short[] utterance;
    private int frames;
    private int frame;

    @Setup(Level.Trial)
    public void setUp() {
        Path cache = Path.of(System.getProperty("switchboard.cache", "data/cache")).toAbsolutePath();
        Path model = new VoskModelInstaller(cache).install();
        vosk = VoskSpeechRecognizer.start(model, cache, 1);
        stream = vosk.openStream();
        utterance = SpeechSamples.speak("I need a drain cleaning tomorrow morning please", 16000);
        frames = utterance.length / FRAME_16K;
        mary = MaryTtsSynthesizer.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        stream.close();
        vosk.close();
        mary.close();
    }

    /** One 20 ms frame into Vosk, cycling through a spoken sentence (the stream is reset at each wrap). */
    @Benchmark
    public int voskAcceptFrame() {
        if (frame == frames) {
            frame = 0;
            stream.reset();
        }
        stream.accept(copyOfFrame(frame++), FRAME_16K);
        return frame;
    }

    /** A whole 2.5 s utterance fed in and finalised: the final result is what a caller's turn waits for. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 15)
    public String voskUtteranceAndFinalResult() {
        stream.reset();
        short[] buf = new short[FRAME_16K];
        for (int f = 0; f < frames; f++) {
            System.arraycopy(utterance, f * FRAME_16K, buf, 0, FRAME_16K);
            stream.accept(buf, FRAME_16K);
        }
        return stream.finalResult();
    }

    /** MaryTTS: time until the first 20 ms of a short reply is ready (synthesis is then cancelled). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SynthesisResult maryFirstAudio() {
        boolean[] got = new boolean[1];
        return mary.synthesize("What day and time would suit you?", (f, off, len) -> got[0] = true, () -> got[0]);
    }

    private final short[] frameBuffer = new short[FRAME_16K];

    private short[] copyOfFrame(int f) {
        System.arraycopy(utterance, f * FRAME_16K, frameBuffer, 0, FRAME_16K);
        return frameBuffer;
    }
}
