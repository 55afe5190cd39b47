package io.switchboard.bench.jmh;

import io.switchboard.media.call.AnswerWords;
import io.switchboard.media.call.CallerPauses;
import io.switchboard.media.call.EndOfTurn;
import io.switchboard.media.call.EndOfTurnSettings;
import io.switchboard.media.call.ProsodyTracker;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The end-of-turn decision's own cost. {@code decide}: one quiet frame's decision (the fade and pitch-fall features
 * over the last voiced frames, the caller's pause scale, the score), run on every quiet frame of a pause.
 * {@code voicedFrame}: what a voiced frame adds to turn-taking (its level and the autocorrelation pitch estimate over
 * 40 ms). Both must allocate nothing: run with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EndOfTurnBenchmark {

    private final EndOfTurn decision = new EndOfTurn(EndOfTurnSettings.defaults());
    private final ProsodyTracker prosody = new ProsodyTracker();
    private final CallerPauses pauses = new CallerPauses();
    private final short[][] frames = new short[16][160];
    private int frame;
    private int pause;

    @Setup(Level.Trial)
    public void setUp() {
        double phase = 0;
        for (int f = 0; f < frames.length; f++) {
            double hz = 180 - 3 * f;
            double amplitude = 8000 - 400 * f;
            for (int i = 0; i < 160; i++) {
                phase += 2 * Math.PI * hz / 8000;
                frames[f][i] = (short) (amplitude * (Math.sin(phase) + 0.5 * Math.sin(2 * phase)) / 1.5);
            }
            prosody.voiced(frames[f]);
        }
        pauses.observe(260);
        pauses.observe(180);
    }

    @Benchmark
    public boolean decide() {
        pause = pause >= 560 ? 20 : pause + 20;
        return decision.ends(AnswerWords.COMPLETE, prosody, pauses, pause);
    }

    @Benchmark
    public int voicedFrame() {
        int f = frame;
        frame = f + 1 == frames.length ? 0 : f + 1;
        prosody.voiced(frames[f]);
        return prosody.frames();
    }
}
