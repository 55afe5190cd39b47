package io.switchboard.media.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MaryTTS callers on the real engine: they must not sound like the receptionist, nor change her voice. */
class MaryCallerVoiceTest {

    private static final String LINE = "my name is sarah jones";
    /** The receptionist's voice, no effects. */
    private static final MaryCallerVoice RECEPTIONIST = new MaryCallerVoice("receptionist", "", 0);

    @Test
    void theDeepCallerSpeaksFarLowerThanTheReceptionist() {
        double receptionist = medianPitchHz(RECEPTIONIST.render(LINE, 8000));
        double deep = medianPitchHz(MaryCallerVoice.DEEP.render(LINE, 8000));

        System.out.printf("[measure] median pitch: receptionist %.0f Hz, %s %.0f Hz%n", receptionist,
                MaryCallerVoice.DEEP.name(), deep);
        assertThat(receptionist).isBetween(140.0, 260.0);
        assertThat(deep).isLessThan(receptionist - 50);
    }

    @Test
    void theSlowCallerTakesLongerToSayTheSameLine() {
        int receptionist = voicedFrames(RECEPTIONIST.render(LINE, 8000));
        int slow = voicedFrames(MaryCallerVoice.SLOW.render(LINE, 8000));

        assertThat((double) slow).isGreaterThan(receptionist * 1.15);
    }

    @Test
    void theQuickCallerIsQuicker() {
        assertThat(voicedFrames(MaryCallerVoice.QUICK.render(LINE, 8000)))
                .isLessThan(voicedFrames(RECEPTIONIST.render(LINE, 8000)));
    }

    @Test
    void aCallerLeavesTheSharedVoiceAsItWas() {
        short[] before = RECEPTIONIST.render(LINE, 8000);
        MaryCallerVoice.SLOW.render(LINE, 8000);
        MaryCallerVoice.DEEP.render(LINE, 8000);
        short[] after = RECEPTIONIST.render(LINE, 8000);

        // MaryTTS sets F0Add and Rate on the one voice object per request: the next plain request resets them
        assertThat(after.length).isEqualTo(before.length);
        assertThat(medianPitchHz(after)).isCloseTo(medianPitchHz(before), within(5.0));
    }

    @Test
    void theEffectsAreInTheIdSoEachCallerHasItsOwnCacheEntries() {
        assertThat(MaryCallerVoice.DEEP.id()).contains("cmu-slt-hsmm", "TractScaler(amount:0.8;)", "F0Add(f0Add:-80;)");
        assertThat(MaryCallerVoice.SLOW.id()).endsWith(":rate-25");
        assertThat(List.of(MaryCallerVoice.DEEP.id(), MaryCallerVoice.QUICK.id(), MaryCallerVoice.SLOW.id(),
                RECEPTIONIST.id())).doesNotHaveDuplicates();
    }

    /** 20 ms frames louder than -30 dBFS. */
    private static int voicedFrames(short[] pcm) {
        int voiced = 0;
        for (int off = 0; off + 160 <= pcm.length; off += 160) {
            if (rms(pcm, off, 160) > 1000) {
                voiced++;
            }
        }
        return voiced;
    }

    /** Median of per-frame autocorrelation pitch (60-400 Hz) over clearly voiced 40 ms frames at 8 kHz. */
    private static double medianPitchHz(short[] pcm) {
        int window = 320;
        List<Double> pitches = new ArrayList<>();
        for (int off = 0; off + window + 134 <= pcm.length; off += 160) {
            if (rms(pcm, off, window) < 1000) {
                continue;
            }
            int bestLag = 0;
            double best = 0;
            for (int lag = 20; lag <= 133; lag++) {
                double xy = 0;
                double xx = 0;
                double yy = 0;
                for (int i = 0; i < window; i++) {
                    xy += (double) pcm[off + i] * pcm[off + i + lag];
                    xx += (double) pcm[off + i] * pcm[off + i];
                    yy += (double) pcm[off + i + lag] * pcm[off + i + lag];
                }
                double r = xy / Math.sqrt(xx * yy + 1e-9);
                if (r > best) {
                    best = r;
                    bestLag = lag;
                }
            }
            if (best > 0.7) {
                pitches.add(8000.0 / bestLag);
            }
        }
        assertThat(pitches).as("voiced frames").hasSizeGreaterThan(10);
        Collections.sort(pitches);
        return pitches.get(pitches.size() / 2);
    }

    private static double rms(short[] pcm, int off, int len) {
        double sum = 0;
        for (int i = off; i < off + len; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return Math.sqrt(sum / len);
    }
}
