package io.switchboard.telephony.twilio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MediaStreamEncoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MediaStreamEncoder encoder = new MediaStreamEncoder("MZ18ad3ab5a668481ce02b83e7395059f0");

    @Test
    void mediaMessageHasTheDocumentedShape() throws Exception {
        byte[] frame = new byte[MediaStreamEncoder.FRAME_BYTES];
        new Random(1).nextBytes(frame);

        int len = encoder.encodeMedia(frame, 0, frame.length);

        assertThat(len).isEqualTo(encoder.length());
        JsonNode msg = JSON.readTree(encoder.lastMessage());
        assertThat(msg.get("event").asText()).isEqualTo("media");
        assertThat(msg.get("streamSid").asText()).isEqualTo("MZ18ad3ab5a668481ce02b83e7395059f0");
        assertThat(msg.get("media").size()).isEqualTo(1);
        assertThat(Base64.getDecoder().decode(msg.get("media").get("payload").asText())).isEqualTo(frame);
        assertThat(msg.size()).isEqualTo(3);
    }

    @Test
    void mediaMessageIsExactlyTheExpectedBytes() {
        encoder.encodeMedia(new byte[] {(byte) 0xff, (byte) 0xfe, 0x7f, 0x00}, 0, 4);
        assertThat(encoder.lastMessage()).isEqualTo(
                "{\"event\":\"media\",\"streamSid\":\"MZ18ad3ab5a668481ce02b83e7395059f0\","
                        + "\"media\":{\"payload\":\"//5/AA==\"}}");
    }

    @Test
    void base64MatchesTheJdkForEveryLengthAndOffset() {
        Random random = new Random(42);
        for (int len = 1; len <= 200; len++) {
            byte[] src = new byte[len + 5];
            random.nextBytes(src);
            encoder.encodeMedia(src, 3, len);
            String expected = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(src, 3, 3 + len));
            assertThat(encoder.lastMessage()).as("length %d", len).contains("\"payload\":\"" + expected + "\"");
        }
    }

    @Test
    void theBufferIsReusedForSameSizedFrames() {
        byte[] frame = new byte[160];
        encoder.encodeMedia(frame, 0, 160);
        byte[] first = encoder.buffer();
        for (int i = 0; i < 50; i++) {
            encoder.encodeMedia(frame, 0, 160);
            encoder.encodeMark("m" + i);
            encoder.encodeClear();
        }
        assertThat(encoder.buffer()).isSameAs(first);
    }

    @Test
    void largerFramesGrowTheBufferOnce() throws Exception {
        byte[] big = new byte[1600];
        new Random(3).nextBytes(big);
        encoder.encodeMedia(big, 0, big.length);
        byte[] grown = encoder.buffer();
        encoder.encodeMedia(big, 0, big.length);

        assertThat(encoder.buffer()).isSameAs(grown);
        assertThat(Base64.getDecoder().decode(JSON.readTree(encoder.lastMessage()).at("/media/payload").asText()))
                .isEqualTo(big);
    }

    @Test
    void markAndClearHaveTheDocumentedShape() throws Exception {
        encoder.encodeMark("reply-7");
        assertThat(encoder.lastMessage()).isEqualTo(
                "{\"event\":\"mark\",\"streamSid\":\"MZ18ad3ab5a668481ce02b83e7395059f0\",\"mark\":{\"name\":\"reply-7\"}}");

        encoder.encodeClear();
        assertThat(encoder.lastMessage())
                .isEqualTo("{\"event\":\"clear\",\"streamSid\":\"MZ18ad3ab5a668481ce02b83e7395059f0\"}");
    }

    @Test
    void markNamesAreJsonEscaped() throws Exception {
        String name = "turn \"3\"\\part\n2 – café";
        encoder.encodeMark(name);
        assertThat(JSON.readTree(encoder.lastMessage()).at("/mark/name").asText()).isEqualTo(name);
    }

    @Test
    void encodedMarkDecodesBackToTheSameName() throws Exception {
        encoder.encodeMark("barge-in \"safe\"");
        RecordingListener listener = new RecordingListener();
        new MediaStreamDecoder(new byte[160]).decode(encoder.buffer(), 0, encoder.length(), listener);
        assertThat(listener.events).containsExactly("mark barge-in \"safe\"");
    }

    @Test
    void outboundMediaPayloadDecodesWithTheInboundDecoder() throws Exception {
        byte[] frame = new byte[160];
        new Random(5).nextBytes(frame);
        encoder.encodeMedia(frame, 0, frame.length);
        // Outbound media has no timestamp; add the inbound-only fields to reuse the decoder's payload path.
        String inbound = encoder.lastMessage()
                .replace("\"media\":{", "\"sequenceNumber\":\"2\",\"media\":{\"timestamp\":\"20\",");
        RecordingListener listener = new RecordingListener();

        new MediaStreamDecoder(new byte[160]).decode(inbound, listener);

        assertThat(listener.payloads.getFirst()).isEqualTo(frame);
    }

    @Test
    void rejectsEmptyPayloadsAndBadSlices() {
        assertThatThrownBy(() -> encoder.encodeMedia(new byte[10], 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.encodeMedia(new byte[10], 5, 6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new MediaStreamEncoder("")).isInstanceOf(IllegalArgumentException.class);
    }
}
