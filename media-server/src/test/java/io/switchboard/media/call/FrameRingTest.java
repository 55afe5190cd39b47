package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameRingTest {

    @Test
    void framesComeOutInOrderWithTheirArrivalTimes() {
        FrameRing ring = new FrameRing(4);
        byte[] dst = new byte[FrameRing.SLOT_BYTES];
        long[] arrival = new long[1];
        ring.offer(filled(1, 160), 0, 160, 100);
        ring.offer(filled(2, 160), 0, 160, 200);

        assertThat(ring.poll(dst, arrival)).isEqualTo(160);
        assertThat(dst[0]).isEqualTo((byte) 1);
        assertThat(arrival[0]).isEqualTo(100);
        assertThat(ring.poll(dst, arrival)).isEqualTo(160);
        assertThat(dst[159]).isEqualTo((byte) 2);
        assertThat(ring.poll(dst, arrival)).isEqualTo(-1);
    }

    @Test
    void aLongPayloadTakesSeveralSlotsAndAFullRingDropsRatherThanBlocks() {
        FrameRing ring = new FrameRing(4);
        ring.offer(filled(3, 400), 0, 400, 1);
        byte[] dst = new byte[FrameRing.SLOT_BYTES];
        long[] arrival = new long[1];

        assertThat(ring.poll(dst, arrival)).isEqualTo(160);
        assertThat(ring.poll(dst, arrival)).isEqualTo(160);
        assertThat(ring.poll(dst, arrival)).isEqualTo(80);

        for (int i = 0; i < 6; i++) {
            ring.offer(filled(i, 160), 0, 160, i);
        }
        assertThat(ring.dropped()).isEqualTo(2);
        assertThat(ring.poll(dst, arrival)).isEqualTo(160);
        assertThat(dst[0]).as("the oldest frames are kept").isEqualTo((byte) 0);
    }

    private static byte[] filled(int value, int length) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
