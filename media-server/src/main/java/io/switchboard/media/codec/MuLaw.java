package io.switchboard.media.codec;

/**
 * G.711 mu-law codec (the classic Sun/CCITT reference rounding), table-driven in both directions.
 *
 * <p>All methods work on caller-provided arrays and never allocate, so they can run once per 20 ms frame on the
 * media path. Decoding uses a 256-entry table; encoding a 64 Ki-entry table indexed by the 16-bit sample, which is
 * exact for every input (a 14-bit table would round some negative samples differently from the reference).
 */
public final class MuLaw {

    /** Code of a silent sample (positive zero); what a caller fills idle frames with. */
    public static final byte SILENCE = (byte) 0xFF;

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;

    private static final short[] DECODE = new short[256];
    private static final byte[] ENCODE = new byte[65536];

    static {
        for (int code = 0; code < 256; code++) {
            DECODE[code] = decodeReference(code);
        }
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            ENCODE[sample & 0xFFFF] = encodeReference(sample);
        }
    }

    private MuLaw() {
    }

    /** Decodes one mu-law code to a 16-bit linear sample. */
    public static short decode(byte code) {
        return DECODE[code & 0xFF];
    }

    /** Encodes one 16-bit linear sample to mu-law. */
    public static byte encode(short sample) {
        return ENCODE[sample & 0xFFFF];
    }

    /** Decodes {@code len} codes from {@code src[off..]} into {@code dst[dstOff..]}. */
    public static void decode(byte[] src, int off, int len, short[] dst, int dstOff) {
        checkRange(src.length, off, len, "src");
        checkRange(dst.length, dstOff, len, "dst");
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = DECODE[src[off + i] & 0xFF];
        }
    }

    /** Encodes {@code len} samples from {@code src[off..]} into {@code dst[dstOff..]}. */
    public static void encode(short[] src, int off, int len, byte[] dst, int dstOff) {
        checkRange(src.length, off, len, "src");
        checkRange(dst.length, dstOff, len, "dst");
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = ENCODE[src[off + i] & 0xFFFF];
        }
    }

    private static void checkRange(int arrayLength, int off, int len, String what) {
        if (off < 0 || len < 0 || off > arrayLength - len) {
            throw new IndexOutOfBoundsException(
                    what + " range [" + off + ", " + off + "+" + len + ") outside array of length " + arrayLength);
        }
    }

    private static short decodeReference(int code) {
        int u = ~code & 0xFF;
        int magnitude = (((u & 0x0F) << 3) + BIAS) << ((u & 0x70) >> 4);
        return (short) ((u & 0x80) != 0 ? BIAS - magnitude : magnitude - BIAS);
    }

    private static byte encodeReference(int sample) {
        int sign = (sample >> 8) & 0x80;
        int magnitude = sign != 0 ? -sample : sample;
        if (magnitude > CLIP) {
            magnitude = CLIP;
        }
        magnitude += BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }
}
