package io.switchboard.telephony.twilio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.telephony.twilio.media.MediaStreamException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class MediaStreamDecoderTest {

    // Shapes as documented at twilio.com/docs/voice/media-streams/websocket-messages
    static final String CONNECTED = """
            {"event": "connected", "protocol": "Call", "version": "1.0.0"}""";
    static final String START = """
            {
              "event": "start",
              "sequenceNumber": "1",
              "start": {
                "accountSid": "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "callSid": "CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "tracks": ["inbound"],
                "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
                "customParameters": {"From": "+447700900123", "To": "+441174960000", "CallSid": "CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"}
              },
              "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
            }""";
    static final String DTMF = """
            {"event": "dtmf", "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "sequenceNumber": "5",
             "dtmf": {"track": "inbound_track", "digit": "1"}}""";
    static final String MARK = """
            {"event": "mark", "sequenceNumber": "4", "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
             "mark": {"name": "reply-3"}}""";
    static final String STOP = """
            {"event": "stop", "sequenceNumber": "5", "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
             "stop": {"accountSid": "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "callSid": "CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"}}""";

    private final byte[] buffer = new byte[320];
    private final MediaStreamDecoder decoder = new MediaStreamDecoder(buffer);
    private final RecordingListener listener = new RecordingListener();

    static String media(long seq, long timestamp, byte[] audio) {
        return "{\"event\": \"media\", \"sequenceNumber\": \"" + seq + "\", \"media\": {\"track\": \"inbound\", "
                + "\"chunk\": \"" + (seq - 1) + "\", \"timestamp\": \"" + timestamp + "\", \"payload\": \""
                + Base64.getEncoder().encodeToString(audio) + "\"}, \"streamSid\": \"MZ1\"}";
    }

    static byte[] audio(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void connectedCarriesProtocolAndVersion() throws Exception {
        decoder.decode(CONNECTED, listener);
        assertThat(listener.events).containsExactly("connected Call 1.0.0");
    }

    @Test
    void startYieldsAllDocumentedMetadata() throws Exception {
        decoder.decode(START, listener);

        assertThat(listener.start).isEqualTo(new StartInfo(
                "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                List.of("inbound"),
                Map.of("From", "+447700900123", "To", "+441174960000",
                        "CallSid", "CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
                MediaFormat.MULAW_8K_MONO));
        assertThat(listener.start.mediaFormat().isMulaw8kMono()).isTrue();
    }

    @Test
    void startFallsBackToTheTopLevelStreamSid() throws Exception {
        decoder.decode("""
                {"event":"start","streamSid":"MZtop","start":{"callSid":"CA1",
                 "mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1}}}""", listener);
        assertThat(listener.start.streamSid()).isEqualTo("MZtop");
        assertThat(listener.start.customParameters()).isEmpty();
        assertThat(listener.start.accountSid()).isNull();
    }

    @Test
    void mediaPayloadIsDecodedIntoTheCallersBuffer() throws Exception {
        byte[] audio = audio(160, 1);

        decoder.decode(media(3, 5, audio), listener);

        assertThat(listener.events).containsExactly("media seq=3 ts=5 len=160");
        assertThat(listener.payloads.getFirst()).isEqualTo(audio);
        assertThat(listener.lastBufferSeen).isSameAs(buffer);
    }

    @Test
    void theSameBufferIsReusedFrameAfterFrame() throws Exception {
        for (int i = 0; i < 5; i++) {
            decoder.decode(media(10 + i, 20L * i, audio(160, i)), listener);
            assertThat(listener.lastBufferSeen).isSameAs(buffer);
            assertThat(listener.payloads.get(i)).isEqualTo(audio(160, i));
        }
    }

    @Test
    void everyBase64PaddingCaseRoundTrips() throws Exception {
        for (int len = 1; len <= 10; len++) {
            byte[] audio = audio(len, len);
            decoder.decode(media(len, len, audio), listener);
            assertThat(listener.payloads.getLast()).as("length %d", len).isEqualTo(audio);
        }
    }

    @Test
    void fieldOrderDoesNotMatter() throws Exception {
        byte[] audio = audio(160, 7);
        String reordered = "{\"streamSid\":\"MZ1\",\"media\":{\"payload\":\""
                + Base64.getEncoder().encodeToString(audio)
                + "\",\"timestamp\":\"40\",\"chunk\":\"3\",\"track\":\"inbound\"},\"sequenceNumber\":\"4\","
                + "\"event\":\"media\"}";

        decoder.decode(reordered, listener);

        assertThat(listener.events).containsExactly("media seq=4 ts=40 len=160");
        assertThat(listener.payloads.getFirst()).isEqualTo(audio);
    }

    @Test
    void numericCountersAreAcceptedToo() throws Exception {
        decoder.decode("{\"event\":\"media\",\"sequenceNumber\":7,\"media\":{\"timestamp\":120,\"payload\":\"AAE=\"}}",
                listener);
        assertThat(listener.events).containsExactly("media seq=7 ts=120 len=2");
    }

    @Test
    void decodesAUtf8SliceOfALargerArray() throws Exception {
        byte[] audio = audio(160, 9);
        byte[] json = media(2, 20, audio).getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[json.length + 20];
        System.arraycopy(json, 0, padded, 7, json.length);
        padded[json.length + 7] = '{'; // garbage after the slice must not be read

        decoder.decode(padded, 7, json.length, listener);

        assertThat(listener.payloads.getFirst()).isEqualTo(audio);
    }

    @Test
    void dtmfMarkAndStop() throws Exception {
        decoder.decode(DTMF, listener);
        decoder.decode(MARK, listener);
        decoder.decode(STOP, listener);
        decoder.decode("{\"event\":\"dtmf\",\"dtmf\":{\"digit\":\"#\"}}", listener);

        assertThat(listener.events).containsExactly("dtmf 1", "mark reply-3", "stop", "dtmf #");
    }

    @Test
    void aFullCallInOrder() throws Exception {
        decoder.decode(CONNECTED, listener);
        decoder.decode(START, listener);
        decoder.decode(media(2, 0, audio(160, 2)), listener);
        decoder.decode(DTMF, listener);
        decoder.decode(STOP, listener);

        assertThat(listener.events).containsExactly("connected Call 1.0.0",
                "start MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "media seq=2 ts=0 len=160", "dtmf 1", "stop");
    }

    @Test
    void malformedJsonIsATypedError() {
        assertReason(() -> decoder.decode("{\"event\": \"media\", ", listener), Reason.MALFORMED_JSON);
        assertReason(() -> decoder.decode("not json at all", listener), Reason.MALFORMED_JSON);
        assertReason(() -> decoder.decode("", listener), Reason.MALFORMED_JSON);
        assertReason(() -> decoder.decode("[1,2,3]", listener), Reason.MALFORMED_JSON);
        assertReason(() -> decoder.decode("\"media\"", listener), Reason.MALFORMED_JSON);
        assertReason(() -> decoder.decode(CONNECTED + "{}", listener), Reason.MALFORMED_JSON);
        assertReason(() -> decoder.decode("{\"event\":\"stop\"} trailing", listener), Reason.MALFORMED_JSON);
        assertThat(listener.events).isEmpty();
    }

    @Test
    void deepNestingIsRefusedNotRecursedInto() {
        String deep = "{\"event\":\"stop\",\"x\":" + "[".repeat(500) + "]".repeat(500) + "}";
        assertReason(() -> decoder.decode(deep, listener), Reason.MALFORMED_JSON);
    }

    @Test
    void unknownOrMissingEventsAreTypedErrors() {
        assertThat(reasonOf(() -> decoder.decode("{\"event\":\"dance\"}", listener)).getMessage())
                .contains("unknown event 'dance'");
        assertReason(() -> decoder.decode("{\"streamSid\":\"MZ1\"}", listener), Reason.UNKNOWN_EVENT);
        assertReason(() -> decoder.decode("{\"event\":42}", listener), Reason.INVALID_FIELD);
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertThat(reasonOf(() -> decoder.decode(
                "{\"event\":\"media\",\"sequenceNumber\":\"1\",\"media\":{\"timestamp\":\"0\"}}", listener))
                .getMessage()).contains("media.payload");
        assertThat(reasonOf(() -> decoder.decode(
                "{\"event\":\"media\",\"sequenceNumber\":\"1\",\"media\":{\"payload\":\"AAAA\"}}", listener))
                .getMessage()).contains("media.timestamp");
        assertThat(reasonOf(() -> decoder.decode(
                "{\"event\":\"media\",\"media\":{\"timestamp\":\"0\",\"payload\":\"AAAA\"}}", listener))
                .getMessage()).contains("sequenceNumber");
        assertThat(reasonOf(() -> decoder.decode("{\"event\":\"media\"}", listener)).reason())
                .isEqualTo(Reason.MISSING_FIELD);
        assertThat(reasonOf(() -> decoder.decode(START.replace("\"callSid\": \"CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\",", ""),
                listener)).getMessage()).contains("start.callSid");
        assertThat(reasonOf(() -> decoder.decode("{\"event\":\"mark\",\"mark\":{}}", listener)).getMessage())
                .contains("mark.name");
        assertThat(reasonOf(() -> decoder.decode("{\"event\":\"dtmf\",\"dtmf\":{\"track\":\"inbound_track\"}}",
                listener)).getMessage()).contains("dtmf.digit");
        assertThat(listener.events).isEmpty();
    }

    @Test
    void invalidFieldValuesAreTypedErrors() {
        assertReason(() -> decoder.decode(
                "{\"event\":\"media\",\"sequenceNumber\":\"1\",\"media\":{\"timestamp\":\"0\",\"payload\":\"@@@@\"}}",
                listener), Reason.INVALID_FIELD);
        assertReason(() -> decoder.decode(
                "{\"event\":\"media\",\"sequenceNumber\":\"x1\",\"media\":{\"timestamp\":\"0\",\"payload\":\"AAAA\"}}",
                listener), Reason.INVALID_FIELD);
        assertReason(() -> decoder.decode(
                "{\"event\":\"media\",\"sequenceNumber\":\"1\",\"media\":{\"timestamp\":\"0\",\"payload\":7}}",
                listener), Reason.INVALID_FIELD);
        assertReason(() -> decoder.decode("{\"event\":\"media\",\"media\":\"AAAA\"}", listener),
                Reason.INVALID_FIELD);
        assertReason(() -> decoder.decode("{\"event\":\"dtmf\",\"dtmf\":{\"digit\":\"12\"}}", listener),
                Reason.INVALID_FIELD);
        assertReason(() -> decoder.decode("{\"event\":\"dtmf\",\"dtmf\":{\"digit\":\"x\"}}", listener),
                Reason.INVALID_FIELD);
    }

    @Test
    void payloadLargerThanTheBufferIsRefused() {
        MediaStreamDecoder small = new MediaStreamDecoder(new byte[160]);
        MediaStreamException e = reasonOf(() -> small.decode(media(1, 0, audio(161, 3)), listener));
        assertThat(e.reason()).isEqualTo(Reason.PAYLOAD_TOO_LARGE);
        assertThat(listener.events).isEmpty();
    }

    @Test
    void oversizedFrameIsRefusedBeforeParsing() {
        MediaStreamDecoder limited = new MediaStreamDecoder(new byte[160], 1024);
        String huge = "{\"event\":\"stop\",\"pad\":\"" + "x".repeat(2000) + "\"}";
        assertReason(() -> limited.decode(huge, listener), Reason.FRAME_TOO_LARGE);
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        assertReason(() -> limited.decode(bytes, 0, bytes.length, listener), Reason.FRAME_TOO_LARGE);
    }

    @Test
    void aBadFrameDoesNotPoisonTheNextOne() throws Exception {
        assertReason(() -> decoder.decode("{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\"", listener),
                Reason.MALFORMED_JSON);
        assertReason(() -> decoder.decode("{\"event\":\"mark\"}", listener), Reason.MISSING_FIELD);

        decoder.decode(media(9, 160, audio(160, 4)), listener);
        decoder.decode(MARK, listener);

        assertThat(listener.events).containsExactly("media seq=9 ts=160 len=160", "mark reply-3");
    }

    @Test
    void errorMessagesNeverEchoControlCharacters() {
        MediaStreamException e = reasonOf(() -> decoder.decode("{\"event\":\"x\\n\\rFAKE LOG LINE\"}", listener));
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void listenerExceptionsAreNotDisguisedAsProtocolErrors() {
        MediaStreamListener failing = new RecordingListener() {
            @Override
            public void onStop() {
                throw new IllegalStateException("session gone");
            }
        };
        assertThatThrownBy(() -> decoder.decode(STOP, failing))
                .isInstanceOf(IllegalStateException.class).hasMessage("session gone");
    }

    @Test
    void corruptedFramesOnlyEverYieldMediaStreamException() {
        Random random = new Random(20240611);
        List<String> samples = List.of(CONNECTED, START, DTMF, MARK, STOP, media(3, 20, audio(160, 3)));
        for (int i = 0; i < 3000; i++) {
            byte[] frame = samples.get(i % samples.size()).getBytes(StandardCharsets.UTF_8);
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
            }
            int length = random.nextInt(8) == 0 ? random.nextInt(frame.length) : frame.length;
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                    () -> decoder.decode(frame, 0, length, new RecordingListener()));
            if (t != null) {
                assertThat(t).as("iteration %d", i).isInstanceOf(MediaStreamException.class);
            }
        }
    }

    @Test
    void theAllocationFreeMediaPathAgreesWithTheFullParser() {
        // Byte frames go through MediaFrameScanner first; string frames only through Jackson. Mutated frames must
        // come out the same either way: the same media event, or the same typed error.
        Random random = new Random(77);
        String printable = "{}[]\":,0123456789eE.-+/=ABCabc \\tnulfrs";
        for (int i = 0; i < 5000; i++) {
            char[] frame = media(3 + i, 20L * i, audio(1 + random.nextInt(200), i)).toCharArray();
            int mutations = random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                frame[random.nextInt(frame.length)] = printable.charAt(random.nextInt(printable.length()));
            }
            String text = new String(frame);
            RecordingListener viaBytes = new RecordingListener();
            RecordingListener viaString = new RecordingListener();
            Throwable bytesError = org.assertj.core.api.Assertions.catchThrowable(() ->
                    decoder.decode(text.getBytes(StandardCharsets.US_ASCII), 0, text.length(), viaBytes));
            Throwable stringError = org.assertj.core.api.Assertions.catchThrowable(() ->
                    new MediaStreamDecoder(new byte[320]).decode(text, viaString));

            assertThat(viaBytes.events).as("frame %d: %s", i, text).isEqualTo(viaString.events);
            assertThat(payloadsOf(viaBytes)).as("frame %d", i).isEqualTo(payloadsOf(viaString));
            assertThat(bytesError == null ? null : ((MediaStreamException) bytesError).reason()).as("frame %d: %s", i, text)
                    .isEqualTo(stringError == null ? null : ((MediaStreamException) stringError).reason());
        }
    }

    @Test
    void ordinaryMediaFramesTakeTheFastPathAndOthersAreDeclined() {
        MediaFrameScanner scanner = new MediaFrameScanner(new byte[320]);
        RecordingListener l = new RecordingListener();
        byte[] media = media(9, 180, audio(160, 9)).getBytes(StandardCharsets.US_ASCII);
        byte[] numeric = "{\"event\":\"media\",\"sequenceNumber\":9,\"media\":{\"timestamp\":180,\"payload\":\"AAEC\"}}"
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(scanner.tryDecode(media, 0, media.length, l)).isTrue();
        assertThat(scanner.tryDecode(numeric, 0, numeric.length, l)).isTrue();
        assertThat(l.events).containsExactly("media seq=9 ts=180 len=160", "media seq=9 ts=180 len=3");
        for (String other : List.of(START, DTMF, MARK, STOP, CONNECTED,
                "{\"event\":\"media\",\"sequenceNumber\":\"9\",\"media\":{\"timestamp\":\"1\",\"payload\":\"A\\u0041==\"}}")) {
            byte[] b = other.getBytes(StandardCharsets.US_ASCII);
            assertThat(scanner.tryDecode(b, 0, b.length, new RecordingListener())).as(other).isFalse();
        }
    }

    private static List<String> payloadsOf(RecordingListener l) {
        return l.payloads.stream().map(java.util.Arrays::toString).toList();
    }

    private static void assertReason(ThrowingCallable call, Reason reason) {
        assertThat(reasonOf(call).reason()).isEqualTo(reason);
    }

    private static MediaStreamException reasonOf(ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(MediaStreamException.class);
        return (MediaStreamException) t;
    }
}
