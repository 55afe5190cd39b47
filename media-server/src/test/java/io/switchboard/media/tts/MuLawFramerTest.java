package io.switchboard.media.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.media.codec.MuLaw;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MuLawFramerTest {

    @Test
    void chunksOfAnySizeBecomeWhole20msFramesAt8kHz() {
        MuLawFramer framer = new MuLawFramer(48000, 2000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        short[] tone = new short[48000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 500 * i / 48000.0));
        }
        Random random = new Random(3);
        for (int off = 0; off < tone.length; ) {
            int len = Math.min(tone.length - off, 1 + random.nextInt(2000));
            framer.push(tone, off, len, (frame, o, l) -> {
                assertThat(l).isEqualTo(160);
                out.write(frame, o, l);
            });
            off += len;
        }
        framer.flush(out::write);

        assertThat(framer.framesEmitted()).isEqualTo(50);
        assertThat(out.size()).isEqualTo(8000);
        short[] pcm = new short[8000];
        MuLaw.decode(out.toByteArray(), 0, 8000, pcm, 0);
        int crossings = 0;
        for (int i = 1001; i < 7000; i++) {
            if (pcm[i - 1] < 0 && pcm[i] >= 0) {
                crossings++;
            }
        }
        assertThat(crossings).isBetween(374, 376);
    }

    @Test
    void flushPadsTheLastFrameWithSilence() {
        MuLawFramer framer = new MuLawFramer(8000, 160);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        short[] loud = new short[100];
        java.util.Arrays.fill(loud, (short) 20000);
        framer.push(loud, 0, 100, out::write);
        assertThat(out.size()).isZero();
        framer.flush(out::write);
        framer.flush(out::write);

        byte[] frame = out.toByteArray();
        assertThat(frame).hasSize(160);
        assertThat(frame[99]).isEqualTo(MuLaw.encode((short) 20000));
        assertThat(frame[100]).isEqualTo(MuLaw.SILENCE);
    }

    @Test
    void refusesChunksLargerThanAnnounced() {
        MuLawFramer framer = new MuLawFramer(16000, 320);
        assertThatThrownBy(() -> framer.push(new short[321], 0, 321, (f, o, l) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
