package io.switchboard.media.stt;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.simulator.DeafRecognizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaneAudioTest {

    private final List<String> seen = new ArrayList<>();
    private final short[] scratch = new short[LaneAudio.SLOT_SAMPLES];

    @Test
    void handsAudioAndResetsOverInOrderAcrossTheWrap() {
        LaneAudio audio = new LaneAudio(4);
        for (int round = 0; round < 5; round++) {
            assertThat(audio.offer(frame(round * 10 + 11, 320), 320)).isTrue();
            assertThat(audio.offerReset()).isTrue();
            assertThat(audio.offer(frame(round * 10 + 12, 100), 100)).isTrue();
            assertThat(audio.drain(recorder(), 10, scratch)).isEqualTo(3);
        }

        assertThat(seen).containsExactly("11x320", "reset", "12x100", "21x320", "reset", "22x100", "31x320", "reset",
                "32x100", "41x320", "reset", "42x100", "51x320", "reset", "52x100");
        assertThat(audio.isEmpty()).isTrue();
    }

    @Test
    void handsAnExpectationOverBetweenTheAudioAroundIt() {
        LaneAudio audio = new LaneAudio(4);
        ListeningFor name = new ListeningFor("NAME", t -> true, List.of("john smith"), true, true);
        for (int round = 0; round < 3; round++) {
            assertThat(audio.offer(frame(1, 320), 320)).isTrue();
            assertThat(audio.offerExpect(name, true)).isTrue();
            assertThat(audio.offer(frame(2, 320), 320)).isTrue();
            assertThat(audio.drain(recorder(), 10, scratch)).isEqualTo(3);
        }
        assertThat(seen).containsExactly("1x320", "expect NAME", "2x320", "1x320", "expect NAME", "2x320", "1x320",
                "expect NAME", "2x320");

        assertThat(audio.offer(frame(1, 320), 320)).isTrue();
        assertThat(audio.offer(frame(1, 320), 320)).isTrue();
        assertThat(audio.offer(frame(1, 320), 320)).isTrue();
        assertThat(audio.offer(frame(1, 320), 320)).isTrue();
        assertThat(audio.offerExpect(name, false)).as("a full ring refuses an expectation too").isFalse();
    }

    @Test
    void refusesWhatDoesNotFitWholeAndDrainsInSlices() {
        LaneAudio audio = new LaneAudio(4);
        assertThat(audio.offer(frame(1, 700), 700)).as("700 samples take three slots").isTrue();
        assertThat(audio.offer(frame(2, 640), 640)).as("two more slots do not fit").isFalse();
        assertThat(audio.offer(frame(3, 320), 320)).isTrue();
        assertThat(audio.offerReset()).isFalse();

        assertThat(audio.drain(recorder(), 2, scratch)).isEqualTo(2);
        assertThat(audio.size()).isEqualTo(2);
        assertThat(audio.drain(recorder(), 10, scratch)).isEqualTo(2);
        assertThat(seen).containsExactly("1x320", "1x320", "1x60", "3x320");
    }

    private static short[] frame(int value, int len) {
        short[] pcm = new short[len];
        java.util.Arrays.fill(pcm, (short) value);
        return pcm;
    }

    private RecognitionStream recorder() {
        return new DeafRecognizer.Stream() {
            @Override
            public void accept(short[] pcm16k, int len) {
                for (int i = 1; i < len; i++) {
                    assertThat(pcm16k[i]).isEqualTo(pcm16k[0]);
                }
                seen.add(pcm16k[0] + "x" + len);
            }

            @Override
            public void reset() {
                seen.add("reset");
            }

            @Override
            public void expect(ListeningFor expected, boolean spareCapacity) {
                seen.add("expect " + expected.label());
            }
        };
    }
}
