package io.switchboard.bench.jmh;

import io.switchboard.bench.audio.SpeechSamples;
import io.switchboard.media.audio.StreamingResampler;
import io.switchboard.media.codec.MuLaw;
import io.switchboard.media.vad.VadConfig;
import io.switchboard.media.vad.VadEvent;
import io.switchboard.media.vad.VoiceActivityDetector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The per-20 ms-frame work of the inbound and outbound audio paths, on real speech. Run with {@code -prof gc}:
 * these should allocate nothing in steady state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class AudioFrameBenchmark {

    private static final int FRAME_8K = 160;
    private static final int FRAME_48K = 960;

    private byte[] mulawStream;
    private short[] pcm8kStream;
    private short[] pcm48kStream;
    private int frame;
    private int frames;

    private final short[] pcm = new short[FRAME_8K];
    private final byte[] mulaw = new byte[FRAME_8K];
    private final short[] up = new short[1024];
    private final short[] down = new short[1024];
    private StreamingResampler upsampler;
    private StreamingResampler downsampler;
    private VoiceActivityDetector vad;

    @Setup
    public void setUp() {
        pcm8kStream = SpeechSamples.speak("I need a drain cleaning tomorrow morning please", 8000);
        pcm48kStream = SpeechSamples.speak("You're booked for drain cleaning tomorrow at ten", 48000);
        frames = Math.min(pcm8kStream.length / FRAME_8K, pcm48kStream.length / FRAME_48K);
        mulawStream = new byte[frames * FRAME_8K];
        MuLaw.encode(pcm8kStream, 0, mulawStream.length, mulawStream, 0);
        upsampler = new StreamingResampler(8000, 16000);
        downsampler = new StreamingResampler(48000, 8000);
        vad = new VoiceActivityDetector(VadConfig.telephony());
    }

    private int next() {
        int f = frame;
        frame = f + 1 == frames ? 0 : f + 1;
        return f;
    }

    @Benchmark
    public short muLawDecodeFrame() {
        MuLaw.decode(mulawStream, next() * FRAME_8K, FRAME_8K, pcm, 0);
        return pcm[FRAME_8K - 1];
    }

    @Benchmark
    public byte muLawEncodeFrame() {
        MuLaw.encode(pcm8kStream, next() * FRAME_8K, FRAME_8K, mulaw, 0);
        return mulaw[FRAME_8K - 1];
    }

    @Benchmark
    public int resample8kTo16kFrame() {
        return upsampler.process(pcm8kStream, next() * FRAME_8K, FRAME_8K, up, 0);
    }

    @Benchmark
    public int resample48kTo8kFrame() {
        return downsampler.process(pcm48kStream, next() * FRAME_48K, FRAME_48K, down, 0);
    }

    @Benchmark
    public VadEvent vadFrame() {
        return vad.accept(pcm8kStream, next() * FRAME_8K);
    }
}
