package io.switchboard.telephony.twilio.media;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.switchboard.telephony.twilio.media.MediaStreamException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses inbound Twilio Media Streams text frames ({@code connected}, {@code start}, {@code media}, {@code dtmf},
 * {@code mark}, {@code stop}) with Jackson's streaming parser and hands each to a {@link MediaStreamListener}.
 *
 * <p>A {@code media} frame arrives every 20 ms per call, so a byte frame is first offered to {@link MediaFrameScanner},
 * which reads ordinary media frames without allocating; anything it declines goes through Jackson, which builds no
 * tree and no strings for media either and decodes the payload straight into the caller's reusable buffer. Field
 * order inside a frame does not matter.
 *
 * <p>One instance per connection; not thread-safe (a Netty channel is handled by one thread at a time).
 */
public final class MediaStreamDecoder {

    /** Real frames are a few hundred bytes; this leaves room for a large {@code start} with many parameters. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
            .build();

    private enum Event {
        CONNECTED("connected"), START("start"), MEDIA("media"), DTMF("dtmf"), MARK("mark"), STOP("stop");

        final String wire;

        Event(String wire) {
            this.wire = wire;
        }
    }

    private static final Event[] EVENTS = Event.values();
    private static final long NONE = Long.MIN_VALUE;

    private final int maxFrameBytes;
    private final PayloadSink payload;
    private final MediaFrameScanner fastPath;

    // Per-frame state lives in fields, reset by each decode, so a media frame allocates nothing of ours.
    private Event event;
    private long sequenceNumber;
    private long mediaTimestamp;
    private boolean mediaSeen;
    private char dtmfDigit;
    private String markName;
    private String topLevelStreamSid;
    private String protocol;
    private String version;
    private boolean startSeen;
    private String startStreamSid;
    private String startCallSid;
    private String startAccountSid;
    private List<String> startTracks;
    private Map<String, String> startParameters;
    private MediaFormat startFormat;

    /** @param payloadBuffer where media payloads are decoded; its length is the largest payload accepted */
    public MediaStreamDecoder(byte[] payloadBuffer) {
        this(payloadBuffer, DEFAULT_MAX_FRAME_BYTES);
    }

    public MediaStreamDecoder(byte[] payloadBuffer, int maxFrameBytes) {
        if (payloadBuffer == null || payloadBuffer.length == 0) {
            throw new IllegalArgumentException("payloadBuffer must be non-empty");
        }
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes must be positive");
        }
        this.payload = new PayloadSink(payloadBuffer);
        this.fastPath = new MediaFrameScanner(payloadBuffer);
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Decodes one UTF-8 text frame held in {@code utf8[offset..offset+length)}. */
    public void decode(byte[] utf8, int offset, int length, MediaStreamListener listener)
            throws MediaStreamException {
        if (length > maxFrameBytes) {
            throw new MediaStreamException(Reason.FRAME_TOO_LARGE,
                    "frame of " + length + " bytes exceeds limit of " + maxFrameBytes);
        }
        if (fastPath.tryDecode(utf8, offset, length, listener)) {
            return;
        }
        parse(() -> JSON.createParser(utf8, offset, length), listener);
    }

    /** Decodes one text frame given as a string (length limit counted in characters). */
    public void decode(String frame, MediaStreamListener listener) throws MediaStreamException {
        if (frame.length() > maxFrameBytes) {
            throw new MediaStreamException(Reason.FRAME_TOO_LARGE,
                    "frame of " + frame.length() + " chars exceeds limit of " + maxFrameBytes);
        }
        parse(() -> JSON.createParser(frame), listener);
    }

    /** The full parser, for every frame the allocation-free path declined. */
    private void parse(ParserSource source, MediaStreamListener listener) throws MediaStreamException {
        reset();
        try (JsonParser p = source.open()) {
            parseFrame(p);
        } catch (JsonEOFException e) {
            throw new MediaStreamException(Reason.MALFORMED_JSON, "truncated JSON", e);
        } catch (JsonProcessingException e) {
            throw new MediaStreamException(Reason.MALFORMED_JSON, printable(e.getOriginalMessage(), 120), e);
        } catch (IOException e) {
            throw new MediaStreamException(Reason.MALFORMED_JSON, "unreadable frame", e);
        }
        dispatch(listener);
    }

    @FunctionalInterface
    private interface ParserSource {
        JsonParser open() throws IOException;
    }

    private void reset() {
        event = null;
        sequenceNumber = NONE;
        mediaTimestamp = NONE;
        mediaSeen = false;
        payload.reset();
        dtmfDigit = 0;
        markName = null;
        topLevelStreamSid = null;
        protocol = null;
        version = null;
        startSeen = false;
        startStreamSid = null;
        startCallSid = null;
        startAccountSid = null;
        startTracks = null;
        startParameters = null;
        startFormat = null;
    }

    private void parseFrame(JsonParser p) throws IOException, MediaStreamException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new MediaStreamException(Reason.MALFORMED_JSON, "empty frame");
        }
        if (first != JsonToken.START_OBJECT) {
            throw new MediaStreamException(Reason.MALFORMED_JSON, "frame is not a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "event" -> event = readEvent(p);
                case "sequenceNumber" -> sequenceNumber = readLong(p, "sequenceNumber");
                case "streamSid" -> {
                    // Media frames repeat the streamSid the session already knows from start: skip the string.
                    if (event == Event.MEDIA) {
                        p.skipChildren();
                    } else {
                        topLevelStreamSid = readString(p, "streamSid");
                    }
                }
                case "media" -> readMedia(p);
                case "start" -> readStart(p);
                case "dtmf" -> readDtmf(p);
                case "mark" -> readMark(p);
                case "protocol" -> protocol = readString(p, "protocol");
                case "version" -> version = readString(p, "version");
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new MediaStreamException(Reason.MALFORMED_JSON, "unterminated object");
        }
        if (p.nextToken() != null) {
            throw new MediaStreamException(Reason.MALFORMED_JSON, "trailing content after the JSON object");
        }
    }

    private void dispatch(MediaStreamListener listener) throws MediaStreamException {
        if (event == null) {
            throw new MediaStreamException(Reason.UNKNOWN_EVENT, "frame has no event field");
        }
        switch (event) {
            case CONNECTED -> listener.onConnected(protocol, version);
            case START -> listener.onStart(startInfo());
            case MEDIA -> {
                require(mediaSeen, "media");
                require(payload.written >= 0, "media.payload");
                require(mediaTimestamp != NONE, "media.timestamp");
                require(sequenceNumber != NONE, "sequenceNumber");
                listener.onMedia(sequenceNumber, mediaTimestamp, payload.buffer, payload.written);
            }
            case DTMF -> {
                require(dtmfDigit != 0, "dtmf.digit");
                listener.onDtmf(dtmfDigit);
            }
            case MARK -> {
                require(markName != null, "mark.name");
                listener.onMark(markName);
            }
            case STOP -> listener.onStop();
        }
    }

    private StartInfo startInfo() throws MediaStreamException {
        require(startSeen, "start");
        String streamSid = startStreamSid != null ? startStreamSid : topLevelStreamSid;
        require(streamSid != null, "start.streamSid");
        require(startCallSid != null, "start.callSid");
        require(startFormat != null, "start.mediaFormat");
        return new StartInfo(streamSid, startCallSid, startAccountSid,
                startTracks == null ? List.of() : startTracks,
                startParameters == null ? Map.of() : startParameters,
                startFormat);
    }

    private static void require(boolean present, String field) throws MediaStreamException {
        if (!present) {
            throw new MediaStreamException(Reason.MISSING_FIELD, "missing " + field);
        }
    }

    private static Event readEvent(JsonParser p) throws IOException, MediaStreamException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new MediaStreamException(Reason.INVALID_FIELD, "event must be a string");
        }
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        for (Event e : EVENTS) {
            if (e.wire.length() == len && sameChars(e.wire, chars, off)) {
                return e;
            }
        }
        throw new MediaStreamException(Reason.UNKNOWN_EVENT,
                "unknown event '" + printable(new String(chars, off, len), 32) + "'");
    }

    private static boolean sameChars(String expected, char[] chars, int off) {
        for (int i = 0; i < expected.length(); i++) {
            if (chars[off + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Twilio sends counters as decimal strings ("3"); plain JSON numbers are accepted too. */
    private static long readLong(JsonParser p, String field) throws IOException, MediaStreamException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            long v = p.getLongValue();
            if (v < 0) {
                throw new MediaStreamException(Reason.INVALID_FIELD, field + " must not be negative");
            }
            return v;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new MediaStreamException(Reason.INVALID_FIELD, field + " must be a decimal string");
        }
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        if (len == 0 || len > 18) {
            throw new MediaStreamException(Reason.INVALID_FIELD, field + " must be a decimal string");
        }
        long v = 0;
        for (int i = off; i < off + len; i++) {
            char c = chars[i];
            if (c < '0' || c > '9') {
                throw new MediaStreamException(Reason.INVALID_FIELD, field + " must be a decimal string");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int readInt(JsonParser p, String field) throws IOException, MediaStreamException {
        long v = readLong(p, field);
        if (v > Integer.MAX_VALUE) {
            throw new MediaStreamException(Reason.INVALID_FIELD, field + " out of range");
        }
        return (int) v;
    }

    private static String readString(JsonParser p, String field) throws IOException, MediaStreamException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new MediaStreamException(Reason.INVALID_FIELD, field + " must be a string");
        }
        return p.getText();
    }

    private static void expectObject(JsonParser p, String field) throws MediaStreamException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new MediaStreamException(Reason.INVALID_FIELD, field + " must be an object");
        }
    }

    private void readMedia(JsonParser p) throws IOException, MediaStreamException {
        expectObject(p, "media");
        mediaSeen = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "payload" -> readPayload(p);
                case "timestamp" -> mediaTimestamp = readLong(p, "media.timestamp");
                default -> p.skipChildren(); // track, chunk
            }
        }
    }

    private void readPayload(JsonParser p) throws IOException, MediaStreamException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new MediaStreamException(Reason.INVALID_FIELD, "media.payload must be a base64 string");
        }
        payload.reset();
        payload.written = 0;
        try {
            p.readBinaryValue(Base64Variants.MIME_NO_LINEFEEDS, payload);
        } catch (JsonEOFException e) {
            throw e;
        } catch (IOException e) {
            if (payload.overflowed) {
                throw new MediaStreamException(Reason.PAYLOAD_TOO_LARGE,
                        "media.payload decodes to more than " + payload.buffer.length + " bytes");
            }
            throw new MediaStreamException(Reason.INVALID_FIELD, "media.payload is not valid base64", e);
        } catch (IllegalArgumentException e) {
            // Jackson reports an illegal base64 character this way rather than as a parse exception.
            throw new MediaStreamException(Reason.INVALID_FIELD, "media.payload is not valid base64", e);
        }
    }

    private void readStart(JsonParser p) throws IOException, MediaStreamException {
        expectObject(p, "start");
        startSeen = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "streamSid" -> startStreamSid = readString(p, "start.streamSid");
                case "callSid" -> startCallSid = readString(p, "start.callSid");
                case "accountSid" -> startAccountSid = readString(p, "start.accountSid");
                case "tracks" -> startTracks = readStringArray(p, "start.tracks");
                case "customParameters" -> startParameters = readStringMap(p, "start.customParameters");
                case "mediaFormat" -> startFormat = readMediaFormat(p);
                default -> p.skipChildren();
            }
        }
    }

    private static List<String> readStringArray(JsonParser p, String field) throws IOException, MediaStreamException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new MediaStreamException(Reason.INVALID_FIELD, field + " must be an array");
        }
        List<String> values = new ArrayList<>(2);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new MediaStreamException(Reason.INVALID_FIELD, field + " must hold strings");
            }
            values.add(p.getText());
        }
        return values;
    }

    private static Map<String, String> readStringMap(JsonParser p, String field)
            throws IOException, MediaStreamException {
        expectObject(p, field);
        Map<String, String> values = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                values.put(key, p.getText());
            } else if (t == JsonToken.VALUE_NULL) {
                values.put(key, "");
            } else {
                throw new MediaStreamException(Reason.INVALID_FIELD, field + " values must be scalars");
            }
        }
        return values;
    }

    private static MediaFormat readMediaFormat(JsonParser p) throws IOException, MediaStreamException {
        expectObject(p, "start.mediaFormat");
        String encoding = null;
        int sampleRate = -1;
        int channels = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "encoding" -> encoding = readString(p, "start.mediaFormat.encoding");
                case "sampleRate" -> sampleRate = readInt(p, "start.mediaFormat.sampleRate");
                case "channels" -> channels = readInt(p, "start.mediaFormat.channels");
                default -> p.skipChildren();
            }
        }
        require(encoding != null, "start.mediaFormat.encoding");
        require(sampleRate >= 0, "start.mediaFormat.sampleRate");
        require(channels >= 0, "start.mediaFormat.channels");
        return new MediaFormat(encoding, sampleRate, channels);
    }

    private void readDtmf(JsonParser p) throws IOException, MediaStreamException {
        expectObject(p, "dtmf");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("digit")) {
                if (p.currentToken() != JsonToken.VALUE_STRING || p.getTextLength() != 1) {
                    throw new MediaStreamException(Reason.INVALID_FIELD, "dtmf.digit must be a single character");
                }
                char c = p.getTextCharacters()[p.getTextOffset()];
                if (!isDtmf(c)) {
                    throw new MediaStreamException(Reason.INVALID_FIELD, "dtmf.digit is not a DTMF key");
                }
                dtmfDigit = c;
            } else {
                p.skipChildren();
            }
        }
    }

    private static boolean isDtmf(char c) {
        return (c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D');
    }

    private void readMark(JsonParser p) throws IOException, MediaStreamException {
        expectObject(p, "mark");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("name")) {
                markName = readString(p, "mark.name");
            } else {
                p.skipChildren();
            }
        }
    }

    /** Keeps error messages single-line and short, whatever a peer put into the frame. */
    private static String printable(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    /** Bounded sink for Jackson's base64 decoder: writes into the caller's buffer, never grows it. */
    private static final class PayloadSink extends OutputStream {
        final byte[] buffer;
        int written;
        boolean overflowed;

        PayloadSink(byte[] buffer) {
            this.buffer = buffer;
        }

        void reset() {
            written = -1;
            overflowed = false;
        }

        @Override
        public void write(int b) throws IOException {
            if (written >= buffer.length) {
                overflowed = true;
                throw new IOException("payload buffer full");
            }
            buffer[written++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > buffer.length - written) {
                overflowed = true;
                throw new IOException("payload buffer full");
            }
            System.arraycopy(b, off, buffer, written, len);
            written += len;
        }
    }
}
