package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.codec.MuLaw;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * decode → VAD → pre-roll → resample on synthetic audio (a quiet line, a loud burst, quiet again), fed in chunks that
 * do not line up with 20 ms frames: only speech goes on, preceded by the pre-roll and bracketed by the VAD signals.
 */
class SpeechStagesTest {

    private static final int PRE_ROLL_FRAMES = 15;

    private final ManualClock clock = new ManualClock();
    private final int capacity = ResampleStage.capacity(16_000);
    private final StageRun run = new StageRun(clock, new DecodeStage(capacity),
            new VadStage(VoiceSettings.defaults().vad(), clock), new PreRollStage(PRE_ROLL_FRAMES, capacity),
            new ResampleStage(16_000), new Stage() {
                @Override
                public String name() {
                    return "check";
                }

                @Override
                public void onFrame(Frame frame, StageContext context) {
                    if (frame instanceof AudioFrame a) {
                        assertThat(a.pcm16Length).as("resampled to 16 kHz").isEqualTo(320);
                    }
                    context.emit(frame);
                }
            });

    @Test
    void onlySpeechGoesOnPrecededByItsPreRoll() {
        short[] pcm = new short[8 * (1000 + 600 + 1500)];
        Random noise = new Random(7);
        for (int i = 0; i < pcm.length; i++) {
            boolean loud = i >= 8 * 1000 && i < 8 * 1600;
            pcm[i] = (short) (loud ? 8000 * Math.sin(2 * Math.PI * 300 * i / 8000.0) : noise.nextGaussian() * 20);
        }
        byte[] wire = new byte[pcm.length];
        MuLaw.encode(pcm, 0, pcm.length, wire, 0);
        MuLawFrame chunk = new MuLawFrame();
        for (int i = 0; i < wire.length; i += 100) {
            chunk.length = Math.min(100, wire.length - i);
            System.arraycopy(wire, i, chunk.bytes, 0, chunk.length);
            chunk.arrivalNanos = clock.nanoTime();
            run.push(chunk);
            clock.advanceMillis(12);
        }

        assertThat(run.events()).containsExactly(Frame.Signal.SPEECH_STARTED, Frame.Signal.SPEECH_STOPPED);
        assertThat(run.out().get(0)).isEqualTo(Frame.Signal.SPEECH_STARTED);
        // the pre-roll counts the onset frame, which follows the replayed ones live
        assertThat(run.out().subList(1, PRE_ROLL_FRAMES)).containsOnly("replayed");
        assertThat(run.out().get(PRE_ROLL_FRAMES)).isEqualTo("audio");
        assertThat(run.out()).last().isEqualTo(Frame.Signal.SPEECH_STOPPED);
        // 600 ms of burst (30 frames) less the onset, plus the 550 ms hangover (28 frames); never the quiet before.
        assertThat(run.audioOut()).isBetween(50L, 60L);
        assertThat(run.pipeline.stats("decode").framesIn()).isEqualTo((wire.length + 99) / 100);
        assertThat(run.pipeline.stats("vad").audioIn()).isEqualTo(pcm.length / 160);
        assertThat(run.pipeline.stats("resample").audioIn()).isEqualTo(run.audioOut() + PRE_ROLL_FRAMES - 1);
    }

    /**
     * What the recogniser is fed, frame by frame: exactly the pre-roll's length of audio up to and including the frame
     * VAD started on, then every later frame once, in order, to the frame whose hangover ran out; nothing from
     * earlier, nothing twice, nothing dropped. (With one frame of lead-in too many the small Vosk model heard an
     * espeak-ng caller's "i need a repair" as "i mean it".)
     */
    @Test
    void theRecogniserGetsThePreRollEndingAtTheOnsetThenEveryFrameOnce() {
        int frames = 150;
        short[] pcm = new short[frames * 160];
        Random noise = new Random(11);
        for (int i = 0; i < pcm.length; i++) {
            boolean loud = i >= 160 * 60 && i < 160 * 90;
            // each frame's noise differs, so every frame can be told apart after mu-law
            pcm[i] = (short) ((loud ? 8000 * Math.sin(2 * Math.PI * 300 * i / 8000.0) : 0) + noise.nextGaussian() * 40);
        }
        byte[] wire = new byte[pcm.length];
        MuLaw.encode(pcm, 0, pcm.length, wire, 0);
        short[][] sent = new short[frames][160];
        for (int f = 0; f < frames; f++) {
            MuLaw.decode(wire, f * 160, 160, sent[f], 0);
        }
        List<Integer> fed = new ArrayList<>();
        int[] onset = {-1};
        int[] current = {0};
        StageRun feeding = new StageRun(clock, new DecodeStage(capacity),
                new VadStage(VoiceSettings.defaults().vad(), clock), new PreRollStage(PRE_ROLL_FRAMES, capacity),
                new Stage() {
                    @Override
                    public String name() {
                        return "recogniser";
                    }

                    @Override
                    public void onFrame(Frame frame, StageContext context) {
                        if (frame == Frame.Signal.SPEECH_STARTED) {
                            onset[0] = current[0];
                        } else if (frame instanceof AudioFrame a) {
                            fed.add(indexOf(sent, a.pcm8));
                        }
                        context.emit(frame);
                    }
                });
        MuLawFrame chunk = new MuLawFrame();
        for (int f = 0; f < frames; f++) {
            current[0] = f;
            chunk.length = 160;
            System.arraycopy(wire, f * 160, chunk.bytes, 0, 160);
            chunk.arrivalNanos = clock.nanoTime();
            feeding.push(chunk);
            clock.advanceMillis(20);
        }

        assertThat(onset[0]).as("VAD found the loud stretch").isBetween(60, 65);
        assertThat(feeding.events()).containsExactly(Frame.Signal.SPEECH_STARTED, Frame.Signal.SPEECH_STOPPED);
        int first = onset[0] - (PRE_ROLL_FRAMES - 1);
        List<Integer> contiguous = IntStream.range(first, first + fed.size()).boxed()
                .toList();
        assertThat(fed).as("frames fed to the recogniser, by their index in the call").isEqualTo(contiguous);
        assertThat(fed.indexOf(onset[0])).as("the onset frame closes the pre-roll").isEqualTo(PRE_ROLL_FRAMES - 1);
    }

    private static int indexOf(short[][] sent, short[] pcm8) {
        for (int f = 0; f < sent.length; f++) {
            if (Arrays.equals(sent[f], pcm8)) {
                return f;
            }
        }
        return -1;
    }
}
