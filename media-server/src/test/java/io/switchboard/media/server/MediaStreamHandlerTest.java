package io.switchboard.media.server;

import static io.switchboard.media.server.MediaWire.clientBytes;
import static io.switchboard.media.server.MediaWire.serverFrame;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.switchboard.media.simulator.TwilioMessages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaStreamHandlerTest {

    private static final String STREAM = "MZ18ad3ab5a668481ce02b83e7395059f0";
    private static final String CALL = "CA5f0e8ae6ade43cb3c0ce4525424e404f";
    private static final int MAX = MediaServerSettings.DEFAULT_MAX_FRAME_BYTES;

    private final RecordingCalls calls = new RecordingCalls();
    private final EmbeddedChannel channel = upgraded(new EmbeddedChannel(new MediaStreamHandler(calls, MAX,
            MediaStreamAuth.Unauthenticated.INSTANCE)));

    /** Frames reach the handler only after the WebSocket handshake; here it is announced without the HTTP part. */
    private static EmbeddedChannel upgraded(EmbeddedChannel channel) {
        channel.pipeline().fireUserEventTriggered(new WebSocketServerProtocolHandler.HandshakeComplete("/media",
                new DefaultHttpHeaders(), null));
        return channel;
    }

    private void send(String json) {
        channel.writeInbound(new TextWebSocketFrame(json));
    }

    private static byte[] frame(int fill) {
        byte[] b = new byte[160];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    @Test
    void aStartOpensTheCallAndItsAudioKeysAndMarksReachIt() {
        send(TwilioMessages.connected());
        send(TwilioMessages.start(STREAM, CALL, "+447700900123"));
        send(TwilioMessages.media(STREAM, 2, frame(0x11)));
        send(TwilioMessages.dtmf(STREAM, 3, '7'));
        send(TwilioMessages.mark(STREAM, 4, "r1s0"));
        send(TwilioMessages.stop(STREAM, CALL, 5));

        assertThat(calls.calls).hasSize(1);
        RecordingCalls.Call call = calls.calls.get(0);
        assertThat(call.start.callSid()).isEqualTo(CALL);
        assertThat(call.start.customParameters()).containsEntry("From", "+447700900123");
        assertThat(call.media).singleElement().satisfies(m -> assertThat(m).isEqualTo(frame(0x11)));
        assertThat(call.digits.toString()).isEqualTo("7");
        assertThat(call.marks).containsExactly("r1s0");
        assertThat(call.stops).isEqualTo(1);
    }

    @Test
    void malformedJsonAndUnknownEventsAreSkippedAndTheCallCarriesOn() {
        send(TwilioMessages.start(STREAM, CALL, "+447700900123"));
        send("{\"event\":\"media\",\"media\":{\"payload\":");
        send("not json at all");
        send("{\"event\":\"transcription\",\"streamSid\":\"" + STREAM + "\"}");
        send("{\"event\":\"media\",\"sequenceNumber\":\"3\",\"media\":{\"timestamp\":\"20\",\"payload\":\"%%%\"}}");
        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[]{1, 2, 3})));
        send(TwilioMessages.media(STREAM, 4, frame(0x22)));

        assertThat(channel.isOpen()).isTrue();
        RecordingCalls.Call call = calls.calls.get(0);
        assertThat(call.media).singleElement().satisfies(m -> assertThat(m).isEqualTo(frame(0x22)));
        assertThat(call.stops).isZero();
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void mediaBeforeStartIsDroppedNotBufferedIntoTheCall() {
        send(TwilioMessages.media(STREAM, 2, frame(0x33)));
        send(TwilioMessages.dtmf(STREAM, 3, '1'));
        send(TwilioMessages.start(STREAM, CALL, "+447700900123"));
        send(TwilioMessages.media(STREAM, 4, frame(0x44)));

        assertThat(channel.isOpen()).isTrue();
        RecordingCalls.Call call = calls.calls.get(0);
        assertThat(call.media).singleElement().satisfies(m -> assertThat(m).isEqualTo(frame(0x44)));
        assertThat(call.digits.toString()).isEmpty();
    }

    @Test
    void aConnectionThatKeepsSendingGarbageIsClosedAndItsCallStopped() {
        send(TwilioMessages.start(STREAM, CALL, "+447700900123"));
        for (int i = 0; i < MediaStreamHandler.MAX_BAD_FRAMES; i++) {
            send("{garbage " + i);
        }
        channel.runPendingTasks();

        assertThat(channel.isOpen()).isFalse();
        assertThat(calls.calls.get(0).stops).isGreaterThanOrEqualTo(1);
        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1008);
        close.release();
    }

    @Test
    void aSecondStartOnTheSameConnectionDoesNotOpenAnotherCall() {
        send(TwilioMessages.start(STREAM, CALL, "+447700900123"));
        send(TwilioMessages.start(STREAM, "CA00000000000000000000000000000001", "+447700900456"));

        assertThat(calls.calls).hasSize(1);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void aStreamInAnotherAudioFormatIsRefused() {
        send(TwilioMessages.start(STREAM, CALL, "+447700900123", "audio/l16", 16000));
        channel.runPendingTasks();

        assertThat(calls.calls).isEmpty();
        assertThat(channel.isOpen()).isFalse();
        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1003);
        close.release();
    }

    @Test
    void replyAudioMarksAndClearGoOutAsTwilioMessages() {
        send(TwilioMessages.start(STREAM, CALL, "+447700900123"));
        RecordingCalls.Call call = calls.calls.get(0);

        call.output.sendMedia(frame(0x7f), 0, 160);
        call.output.sendMark("r1s0");
        call.output.sendClear();

        List<String> out = new ArrayList<>();
        for (TextWebSocketFrame f; (f = channel.readOutbound()) != null; ) {
            out.add(f.text());
            f.release();
        }
        assertThat(out).containsExactly(
                "{\"event\":\"media\",\"streamSid\":\"" + STREAM + "\",\"media\":{\"payload\":\""
                        + java.util.Base64.getEncoder().encodeToString(frame(0x7f)) + "\"}}",
                "{\"event\":\"mark\",\"streamSid\":\"" + STREAM + "\",\"mark\":{\"name\":\"r1s0\"}}",
                "{\"event\":\"clear\",\"streamSid\":\"" + STREAM + "\"}");
    }

    @Test
    void aDroppedConnectionStopsItsCall() {
        send(TwilioMessages.start(STREAM, CALL, "+447700900123"));
        channel.close();

        assertThat(calls.calls.get(0).stops).isEqualTo(1);
    }

    /** The whole pipeline as the server builds it: HTTP upgrade, then WebSocket frames on the wire. */
    @Test
    void anOversizedFrameClosesThatConnectionWithMessageTooBig() {
        EmbeddedChannel wire = MediaWire.open(MediaServerSettings.loopback(), calls,
                MediaStreamAuth.Unauthenticated.INSTANCE);
        MediaWire.upgrade(wire, "127.0.0.1");

        wire.writeInbound(clientBytes(new TextWebSocketFrame(TwilioMessages.start(STREAM, CALL, "+447700900123"))));
        assertThat(calls.calls).hasSize(1);
        wire.writeInbound(clientBytes(new TextWebSocketFrame("{\"event\":\"media\",\"pad\":\"" + "x".repeat(MAX) + "\"}")));
        wire.runPendingTasks();

        assertThat(wire.isOpen()).isFalse();
        assertThat(calls.calls.get(0).stops).isGreaterThanOrEqualTo(1);
        CloseWebSocketFrame close = (CloseWebSocketFrame) serverFrame(wire.readOutbound());
        assertThat(close.statusCode()).isEqualTo(1009);
        close.release();
    }

    @Test
    void plainHttpRequestsGet404() {
        EmbeddedChannel wire = MediaWire.open(MediaServerSettings.loopback(), calls,
                MediaStreamAuth.Unauthenticated.INSTANCE);
        wire.writeInbound(Unpooled.copiedBuffer("GET /admin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                StandardCharsets.US_ASCII));
        ByteBuf response = wire.readOutbound();

        assertThat(response.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 404");
        response.release();
        assertThat(calls.calls).isEmpty();
    }
}
