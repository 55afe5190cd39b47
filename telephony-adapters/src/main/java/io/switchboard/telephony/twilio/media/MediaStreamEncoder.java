package io.switchboard.telephony.twilio.media;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes the outbound Twilio Media Streams messages of one stream: {@code media} (base64 mu-law), {@code mark} and
 * {@code clear}, as UTF-8 JSON into a reusable buffer.
 *
 * <p>Reply audio leaves every 20 ms, so {@link #encodeMedia} copies a precomputed prefix and base64-encodes straight
 * into the buffer: no strings, no per-frame arrays (the buffer only grows if a larger frame than ever before comes).
 * Each {@code encode*} call overwrites the previous message; send {@code buffer()[0..length)} before the next call.
 *
 * <p>One instance per stream; not thread-safe.
 */
public final class MediaStreamEncoder {

    /** 20 ms of 8 kHz mu-law. */
    public static final int FRAME_BYTES = 160;

    private static final byte[] BASE64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);
    /** Closes the string value and both objects of a media or mark message. */
    private static final byte[] CLOSE = ascii("\"}}");

    private final String streamSid;
    private final byte[] mediaPrefix;
    private final byte[] markPrefix;
    private final byte[] clearMessage;
    private byte[] buffer;
    private int length;

    public MediaStreamEncoder(String streamSid) {
        this.streamSid = Objects.requireNonNull(streamSid, "streamSid");
        if (streamSid.isEmpty()) {
            throw new IllegalArgumentException("streamSid must not be empty");
        }
        String sid = new String(JsonStringEncoder.getInstance().quoteAsUTF8(streamSid), StandardCharsets.UTF_8);
        this.mediaPrefix = utf8("{\"event\":\"media\",\"streamSid\":\"" + sid + "\",\"media\":{\"payload\":\"");
        this.markPrefix = utf8("{\"event\":\"mark\",\"streamSid\":\"" + sid + "\",\"mark\":{\"name\":\"");
        this.clearMessage = utf8("{\"event\":\"clear\",\"streamSid\":\"" + sid + "\"}");
        this.buffer = new byte[mediaLength(FRAME_BYTES)];
    }

    public String streamSid() {
        return streamSid;
    }

    /**
     * {@code {"event":"media","streamSid":...,"media":{"payload":"<base64>"}}} for {@code mulaw[offset..offset+len)}.
     *
     * @return the message length in {@link #buffer()}
     */
    public int encodeMedia(byte[] mulaw, int offset, int len) {
        Objects.checkFromIndexSize(offset, len, mulaw.length);
        if (len == 0) {
            throw new IllegalArgumentException("media payload must not be empty");
        }
        ensureCapacity(mediaLength(len));
        int pos = put(mediaPrefix, 0);
        pos = base64(mulaw, offset, len, buffer, pos);
        pos = put(CLOSE, pos);
        return length = pos;
    }

    /**
     * {@code {"event":"mark","streamSid":...,"mark":{"name":...}}}; Twilio echoes the mark once the audio sent before
     * it has played. Marks are a few per reply, so escaping the name may allocate.
     */
    public int encodeMark(String name) {
        Objects.requireNonNull(name, "name");
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(name);
        ensureCapacity(markPrefix.length + escaped.length + CLOSE.length);
        int pos = put(markPrefix, 0);
        pos = put(escaped, pos);
        pos = put(CLOSE, pos);
        return length = pos;
    }

    /** {@code {"event":"clear","streamSid":...}}: Twilio drops audio it has buffered but not yet played (barge-in). */
    public int encodeClear() {
        ensureCapacity(clearMessage.length);
        return length = put(clearMessage, 0);
    }

    /** The last encoded message is {@code buffer()[0..length())}; the array is reused by the next call. */
    public byte[] buffer() {
        return buffer;
    }

    public int length() {
        return length;
    }

    /** The last encoded message as a string (allocates: for tests and logs, not the audio path). */
    public String lastMessage() {
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    private int mediaLength(int payloadBytes) {
        return mediaPrefix.length + 4 * ((payloadBytes + 2) / 3) + CLOSE.length;
    }

    private void ensureCapacity(int needed) {
        if (buffer.length < needed) {
            buffer = new byte[Math.max(needed, buffer.length * 2)];
        }
    }

    private int put(byte[] src, int pos) {
        System.arraycopy(src, 0, buffer, pos, src.length);
        return pos + src.length;
    }

    /** Standard base64 with padding, as Twilio expects; java.util.Base64 cannot encode a slice into an offset. */
    static int base64(byte[] src, int off, int len, byte[] dst, int pos) {
        int end = off + len;
        int i = off;
        for (; i + 2 < end; i += 3) {
            int bits = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8 | (src[i + 2] & 0xff);
            dst[pos++] = BASE64[bits >>> 18];
            dst[pos++] = BASE64[(bits >>> 12) & 0x3f];
            dst[pos++] = BASE64[(bits >>> 6) & 0x3f];
            dst[pos++] = BASE64[bits & 0x3f];
        }
        int rest = end - i;
        if (rest == 1) {
            int bits = (src[i] & 0xff) << 16;
            dst[pos++] = BASE64[bits >>> 18];
            dst[pos++] = BASE64[(bits >>> 12) & 0x3f];
            dst[pos++] = '=';
            dst[pos++] = '=';
        } else if (rest == 2) {
            int bits = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8;
            dst[pos++] = BASE64[bits >>> 18];
            dst[pos++] = BASE64[(bits >>> 12) & 0x3f];
            dst[pos++] = BASE64[(bits >>> 6) & 0x3f];
            dst[pos++] = '=';
        }
        return pos;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
