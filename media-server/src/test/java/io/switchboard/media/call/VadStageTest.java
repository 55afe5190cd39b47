package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * VAD marks a frame quiet exactly when the detector would not count it as speech going on, so turn-taking and the
 * cut-off watch never take a sound VAD ignores for the caller talking.
 */
class VadStageTest {

    private final ManualClock clock = new ManualClock();
    private final List<Boolean> quiet = new ArrayList<>();
    private final StageRun run = new StageRun(clock, new VadStage(VoiceSettings.defaults().vad(), clock), new Stage() {
        @Override
        public String name() {
            return "note";
        }

        @Override
        public void onFrame(Frame frame, StageContext context) {
            if (frame instanceof AudioFrame a) {
                quiet.add(a.quiet);
            }
            context.emit(frame);
        }
    });
    private final Random random = new Random(3);

    @Test
    void hissBelowTheMinimumSpeechLevelIsQuietEvenOverTheLowestFloor() {
        push(20, -120); // digital silence: the floor settles at its lowest, -65 dBFS
        push(15, -20);  // speech
        push(10, -58);  // a synthesiser's hiss after the last word: 7 dB over the floor, under -55 dBFS
        push(3, -40);   // a soft word

        assertThat(quiet.subList(20, 35)).containsOnly(false);
        assertThat(quiet.subList(35, 45)).as("hiss under the speech minimum").containsOnly(true);
        assertThat(quiet.subList(45, 48)).containsOnly(false);
    }

    /** {@code frames} frames of noise at about {@code dbfs}. */
    private void push(int frames, double dbfs) {
        double rms = 32768 * Math.pow(10, dbfs / 20);
        for (int f = 0; f < frames; f++) {
            AudioFrame frame = new AudioFrame(320);
            for (int i = 0; i < AudioFrame.SAMPLES; i++) {
                frame.pcm8[i] = (short) Math.max(-32768, Math.min(32767, Math.round(random.nextGaussian() * rms)));
            }
            frame.arrivalNanos = clock.nanoTime();
            run.push(frame);
            clock.advanceMillis(20);
        }
    }
}
