package io.switchboard.telephony.twilio.media;

/**
 * The allocation-free path for the one message that arrives every 20 ms of every call: an inbound {@code media}
 * frame. It reads a strict subset of JSON — objects nested at most two deep, strings without escapes, integer
 * numbers, {@code true}/{@code false}/{@code null} — and declines (returns false) on anything else, leaving the
 * full Jackson parser to handle, and to report, whatever it did not recognise. A frame it accepts is therefore
 * well-formed JSON by construction.
 */
final class MediaFrameScanner {

    private static final byte[] EVENT = ascii("event");
    private static final byte[] MEDIA = ascii("media");
    private static final byte[] SEQUENCE = ascii("sequenceNumber");
    private static final byte[] TIMESTAMP = ascii("timestamp");
    private static final byte[] PAYLOAD = ascii("payload");
    private static final long NONE = Long.MIN_VALUE;
    private static final byte[] BASE64 = new byte[128];

    static {
        java.util.Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
    }

    private final byte[] payload;
    private byte[] in;
    private int pos;
    private int end;

    private boolean isMedia;
    private boolean sawMediaObject;
    private long sequence;
    private long timestamp;
    private int payloadLength;

    MediaFrameScanner(byte[] payloadBuffer) {
        this.payload = payloadBuffer;
    }

    /** Decodes a media frame and calls {@code onMedia}; false when the frame is not one it can read. */
    boolean tryDecode(byte[] utf8, int offset, int length, MediaStreamListener listener) {
        in = utf8;
        pos = offset;
        end = offset + length;
        isMedia = false;
        sawMediaObject = false;
        sequence = NONE;
        timestamp = NONE;
        payloadLength = -1;
        try {
            skipSpace();
            if (!object(1)) {
                return false;
            }
            skipSpace();
            if (pos != end || !isMedia || !sawMediaObject || sequence == NONE || timestamp == NONE || payloadLength < 0) {
                return false;
            }
        } finally {
            in = null;
        }
        listener.onMedia(sequence, timestamp, payload, payloadLength);
        return true;
    }

    /** An object at {@code depth} (1 = top level, 2 = {@code media}). */
    private boolean object(int depth) {
        if (!take('{')) {
            return false;
        }
        skipSpace();
        if (take('}')) {
            return true;
        }
        while (true) {
            skipSpace();
            int keyStart = pos + 1;
            int keyEnd = string();
            if (keyEnd < 0) {
                return false;
            }
            skipSpace();
            if (!take(':')) {
                return false;
            }
            skipSpace();
            if (!value(depth, keyStart, keyEnd)) {
                return false;
            }
            skipSpace();
            if (take(',')) {
                continue;
            }
            return take('}');
        }
    }

    private boolean value(int depth, int keyStart, int keyEnd) {
        if (pos >= end) {
            return false;
        }
        byte b = in[pos];
        if (b == '{') {
            if (depth != 1 || !is(keyStart, keyEnd, MEDIA)) {
                return false; // only the media object is nested; let Jackson read anything else
            }
            sawMediaObject = true;
            return object(2);
        }
        if (b == '"') {
            int start = pos + 1;
            int stop = string();
            if (stop < 0) {
                return false;
            }
            if (depth == 1 && is(keyStart, keyEnd, EVENT)) {
                isMedia = is(start, stop, MEDIA);
                return isMedia;
            }
            if (depth == 1 && is(keyStart, keyEnd, SEQUENCE)) {
                sequence = digits(start, stop);
                return sequence != NONE;
            }
            if (depth == 2 && is(keyStart, keyEnd, TIMESTAMP)) {
                timestamp = digits(start, stop);
                return timestamp != NONE;
            }
            if (depth == 2 && is(keyStart, keyEnd, PAYLOAD)) {
                payloadLength = base64(start, stop);
                return payloadLength >= 0;
            }
            return true;
        }
        if (b == '-' || (b >= '0' && b <= '9')) {
            int start = pos;
            if (b == '-') {
                pos++;
            }
            while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
                pos++;
            }
            if (pos == start || (pos < end && (in[pos] == '.' || in[pos] == 'e' || in[pos] == 'E'))) {
                return false;
            }
            if (depth == 1 && is(keyStart, keyEnd, SEQUENCE)) {
                sequence = digits(start, pos);
                return sequence != NONE;
            }
            if (depth == 2 && is(keyStart, keyEnd, TIMESTAMP)) {
                timestamp = digits(start, pos);
                return timestamp != NONE;
            }
            return true;
        }
        return literal("true") || literal("false") || literal("null");
    }

    /** Skips a string without escapes; returns the index of its closing quote, or -1. */
    private int string() {
        if (!take('"')) {
            return -1;
        }
        while (pos < end) {
            byte b = in[pos];
            if (b == '"') {
                return pos++;
            }
            if (b == '\\' || (b >= 0 && b < 0x20)) {
                return -1;
            }
            pos++;
        }
        return -1;
    }

    private long digits(int start, int stop) {
        if (stop - start < 1 || stop - start > 18) {
            return NONE;
        }
        long v = 0;
        for (int i = start; i < stop; i++) {
            byte b = in[i];
            if (b < '0' || b > '9') {
                return NONE;
            }
            v = v * 10 + (b - '0');
        }
        return v;
    }

    /** Decodes standard padded base64 from {@code in[start, stop)} into the payload buffer; -1 if invalid. */
    private int base64(int start, int stop) {
        int n = stop - start;
        if (n % 4 != 0) {
            return -1;
        }
        int out = 0;
        for (int i = start; i < stop; i += 4) {
            int a = sextet(in[i]);
            int b = sextet(in[i + 1]);
            if (a < 0 || b < 0) {
                return -1;
            }
            boolean last = i + 4 == stop;
            int c = last && in[i + 2] == '=' ? -2 : sextet(in[i + 2]);
            int d = last && in[i + 3] == '=' ? -2 : sextet(in[i + 3]);
            if (c == -1 || d == -1 || (c == -2 && d != -2)) {
                return -1;
            }
            int bytes = c == -2 ? 1 : d == -2 ? 2 : 3;
            if (out + bytes > payload.length) {
                return -1; // oversized: Jackson's path reports it
            }
            payload[out++] = (byte) (a << 2 | b >> 4);
            if (bytes > 1) {
                payload[out++] = (byte) (b << 4 | c >> 2);
            }
            if (bytes > 2) {
                payload[out++] = (byte) (c << 6 | d);
            }
        }
        return out;
    }

    private static int sextet(byte b) {
        return b < 0 ? -1 : BASE64[b];
    }

    private boolean literal(String word) {
        int n = word.length();
        if (end - pos < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (in[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        pos += n;
        return true;
    }

    private boolean is(int start, int stop, byte[] word) {
        if (stop - start != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (in[start + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean take(char c) {
        if (pos < end && in[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < end) {
            byte b = in[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
