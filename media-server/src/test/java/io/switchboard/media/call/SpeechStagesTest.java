package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.codec.MuLaw;
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
        java.util.Random noise = new java.util.Random(7);
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
        assertThat(run.out().subList(1, 1 + PRE_ROLL_FRAMES)).containsOnly("replayed");
        assertThat(run.out().get(1 + PRE_ROLL_FRAMES)).isEqualTo("audio");
        assertThat(run.out()).last().isEqualTo(Frame.Signal.SPEECH_STOPPED);
        // 600 ms of burst (30 frames) less the onset, plus the 550 ms hangover (28 frames); never the quiet before.
        assertThat(run.audioOut()).isBetween(50L, 60L);
        assertThat(run.pipeline.stats("decode").framesIn()).isEqualTo((wire.length + 99) / 100);
        assertThat(run.pipeline.stats("vad").audioIn()).isEqualTo(pcm.length / 160);
        assertThat(run.pipeline.stats("resample").audioIn()).isEqualTo(run.audioOut() + PRE_ROLL_FRAMES);
    }
}
