package io.switchboard.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StreamingResamplerTest {

    @ParameterizedTest
    @CsvSource({"8000, 16000, 1000", "8000, 16000, 3000", "48000, 8000, 1000", "48000, 8000, 300",
            "16000, 8000, 2500", "22050, 8000, 440"})
    void sineKeepsItsFrequencyAndAmplitude(int from, int to, double hz) {
        short[] in = sine(from, hz, 10000, 1.0);
        short[] out = convert(new StreamingResampler(from, to), in);

        assertThat(out.length).isCloseTo(to, within(2));
        short[] steady = Arrays.copyOfRange(out, to / 10, to - to / 10);
        assertThat(frequencyByZeroCrossings(steady, to)).isCloseTo(hz, within(hz * 0.01));
        assertThat(rms(steady)).isCloseTo(10000 / Math.sqrt(2), within(10000 / Math.sqrt(2) * 0.02));
    }

    @ParameterizedTest
    @CsvSource({"48000, 8000, 6000", "48000, 8000, 5000", "48000, 8000, 12000", "16000, 8000, 5000"})
    void toneAboveTheOutputNyquistIsRemovedInsteadOfAliased(int from, int to, double hz) {
        short[] out = convert(new StreamingResampler(from, to), sine(from, hz, 20000, 1.0));

        short[] steady = Arrays.copyOfRange(out, to / 10, out.length - to / 10);
        // 20000 peak is -4 dBFS; the filter promises 70 dB, allow for rounding noise.
        assertThat(rms(steady)).isLessThan(20000 / Math.sqrt(2) * Math.pow(10, -60 / 20.0));
    }

    @Test
    void upsamplingLeavesNoImageAboveTheInputBand() {
        short[] out = convert(new StreamingResampler(8000, 16000), sine(8000, 3000, 20000, 1.0));

        short[] steady = Arrays.copyOfRange(out, 1600, out.length - 1600);
        double wanted = goertzelAmplitude(steady, 16000, 3000);
        double image = goertzelAmplitude(steady, 16000, 5000);
        assertThat(image / wanted).isLessThan(Math.pow(10, -60 / 20.0));
    }

    @ParameterizedTest
    @CsvSource({"8000, 16000", "48000, 8000", "22050, 8000", "16000, 8000"})
    void frameByFrameOutputEqualsOneShotOutput(int from, int to) {
        Random random = new Random(42);
        short[] in = new short[from * 2];
        for (int i = 0; i < in.length; i++) {
            in[i] = (short) (random.nextGaussian() * 6000);
        }
        short[] oneShot = convert(new StreamingResampler(from, to), in);

        StreamingResampler streaming = new StreamingResampler(from, to);
        short[] frame = new short[streaming.maxOutputLength(3000)];
        short[] pieced = new short[oneShot.length + 16];
        int written = 0;
        for (int off = 0; off < in.length; ) {
            int len = Math.min(in.length - off, 1 + random.nextInt(3000));
            int n = streaming.process(in, off, len, frame, 0);
            assertThat(n).isLessThanOrEqualTo(streaming.maxOutputLength(len));
            System.arraycopy(frame, 0, pieced, written, n);
            written += n;
            off += len;
        }
        assertThat(Arrays.copyOf(pieced, written)).isEqualTo(oneShot);
    }

    @Test
    void twentyMillisecondTelephoneFramesMapToWholeFrames() {
        StreamingResampler up = new StreamingResampler(8000, 16000);
        StreamingResampler down = new StreamingResampler(48000, 8000);
        short[] out = new short[960];
        for (int i = 0; i < 50; i++) {
            assertThat(up.process(new short[160], 0, 160, out, 0)).isEqualTo(320);
            assertThat(down.process(new short[960], 0, 960, out, 0)).isEqualTo(160);
        }
    }

    @Test
    void resetForgetsHistory() {
        StreamingResampler resampler = new StreamingResampler(8000, 16000);
        short[] in = sine(8000, 700, 8000, 0.1);
        short[] first = convert(resampler, in);
        convert(resampler, sine(8000, 1900, 8000, 0.1));
        resampler.reset();
        assertThat(convert(resampler, in)).isEqualTo(first);
    }

    @Test
    void rejectsTooSmallOutputAndBadRates() {
        StreamingResampler resampler = new StreamingResampler(8000, 16000);
        assertThatThrownBy(() -> resampler.process(new short[160], 0, 160, new short[319], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("320");
        assertThatThrownBy(() -> new StreamingResampler(0, 8000)).isInstanceOf(IllegalArgumentException.class);
    }

    static short[] convert(StreamingResampler resampler, short[] in) {
        short[] out = new short[resampler.maxOutputLength(in.length)];
        return Arrays.copyOf(out, resampler.process(in, 0, in.length, out, 0));
    }

    static short[] sine(int rate, double hz, double amplitude, double seconds) {
        short[] s = new short[(int) (rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    static double rms(short[] s) {
        double sum = 0;
        for (short v : s) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum / s.length);
    }

    private static double frequencyByZeroCrossings(short[] s, int rate) {
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i - 1] < 0 && s[i] >= 0) {
                if (first < 0) {
                    first = i;
                } else {
                    crossings++;
                }
                last = i;
            }
        }
        return crossings * (double) rate / (last - first);
    }

    private static double goertzelAmplitude(short[] s, int rate, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / rate);
        double q1 = 0;
        double q2 = 0;
        for (short v : s) {
            double q0 = coefficient * q1 - q2 + v;
            q2 = q1;
            q1 = q0;
        }
        return Math.sqrt(q1 * q1 + q2 * q2 - q1 * q2 * coefficient) / s.length * 2;
    }
}
