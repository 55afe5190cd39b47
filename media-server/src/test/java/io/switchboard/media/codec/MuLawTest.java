package io.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MuLawTest {

    @Test
    void decodesKnownG711Vectors() {
        assertThat(MuLaw.decode((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(MuLaw.decode((byte) 0x7F)).isEqualTo((short) 0);
        assertThat(MuLaw.decode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(MuLaw.decode((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(MuLaw.decode((byte) 0xFE)).isEqualTo((short) 8);
        assertThat(MuLaw.decode((byte) 0x7E)).isEqualTo((short) -8);
        assertThat(MuLaw.decode((byte) 0xF0)).isEqualTo((short) 120);
        assertThat(MuLaw.decode((byte) 0xEF)).isEqualTo((short) 132);
    }

    @Test
    void encodesKnownG711Vectors() {
        assertThat(MuLaw.encode((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(MuLaw.encode((short) -1)).isEqualTo((byte) 0x7F);
        assertThat(MuLaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(MuLaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        assertThat(MuLaw.encode((short) 32124)).isEqualTo((byte) 0x80);
        assertThat(MuLaw.encode((short) 8)).isEqualTo((byte) 0xFE);
        assertThat(MuLaw.encode((short) 1000)).isEqualTo((byte) 0xCE);
        assertThat(MuLaw.encode((short) -1000)).isEqualTo((byte) 0x4E);
    }

    @Test
    void everyCodeSurvivesDecodeThenEncodeExceptNegativeZero() {
        for (int code = 0; code < 256; code++) {
            byte expected = code == 0x7F ? (byte) 0xFF : (byte) code;
            assertThat(MuLaw.encode(MuLaw.decode((byte) code))).as("code %02x", code).isEqualTo(expected);
        }
    }

    @Test
    void roundTripErrorStaysWithinHalfAQuantisationStep() {
        for (int sample = -32124; sample <= 32124; sample++) {
            short decoded = MuLaw.decode(MuLaw.encode((short) sample));
            int error = Math.abs(decoded - sample);
            // Half a step at most; steps double per segment (8 near zero .. 1024 at full scale), so half a step
            // is at most (|x| + bias 132) / 32.
            assertThat(error).as("sample %d", sample).isLessThanOrEqualTo((Math.abs(sample) + 132) / 32);
        }
        assertThat(MuLaw.decode(MuLaw.encode(Short.MAX_VALUE))).isEqualTo((short) 32124);
    }

    @Test
    void encodingIsMonotonicInTheDecodedDomain() {
        int previous = Integer.MIN_VALUE;
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            int decoded = MuLaw.decode(MuLaw.encode((short) sample));
            assertThat(decoded).isGreaterThanOrEqualTo(previous);
            previous = decoded;
        }
    }

    @Test
    void arrayMethodsHonourOffsets() {
        short[] pcm = {0, 0, 1000, -1000, 32767, 0};
        byte[] codes = new byte[8];
        MuLaw.encode(pcm, 2, 3, codes, 4);
        assertThat(codes).containsExactly(0, 0, 0, 0, (byte) 0xCE, (byte) 0x4E, (byte) 0x80, 0);

        short[] back = new short[5];
        MuLaw.decode(codes, 4, 3, back, 1);
        assertThat(back).containsExactly((short) 0, (short) 988, (short) -988, (short) 32124, (short) 0);
    }

    @Test
    void rejectsRangesOutsideTheArrays() {
        assertThatThrownBy(() -> MuLaw.decode(new byte[160], 1, 160, new short[160], 0))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("src");
        assertThatThrownBy(() -> MuLaw.encode(new short[160], 0, 160, new byte[159], 0))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("dst");
    }
}
