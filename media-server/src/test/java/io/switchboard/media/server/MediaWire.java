package io.switchboard.media.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.switchboard.media.call.CallSessionFactory;
import java.nio.charset.StandardCharsets;

/**
 * The media server's whole pipeline ({@link MediaChannelInitializer}) in an {@link EmbeddedChannel}, driven as
 * Twilio drives it: bytes on the wire, an HTTP upgrade, then masked client frames in and server frames out.
 */
final class MediaWire {

    private MediaWire() {
    }

    /** A channel with the pipeline the server builds for each connection. */
    static EmbeddedChannel open(MediaServerSettings settings, CallSessionFactory calls, MediaStreamAuth auth) {
        EmbeddedChannel wire = new EmbeddedChannel();
        MediaChannelInitializer.configure(wire.pipeline(), settings, calls, auth);
        return wire;
    }

    /**
     * A channel like {@link #open}'s whose clock is frozen before the pipeline is built. Handlers schedule their
     * deadlines when they are added; freezing afterwards would leave those deadlines on the real clock, early by
     * however long the build took (a loaded machine made a 1 ms margin fail).
     */
    static EmbeddedChannel openFrozen(MediaServerSettings settings, CallSessionFactory calls, MediaStreamAuth auth) {
        EmbeddedChannel wire = new EmbeddedChannel(false, true);
        wire.freezeTime();
        MediaChannelInitializer.configure(wire.pipeline(), settings, calls, auth);
        try {
            wire.register();
        } catch (Exception e) {
            throw new IllegalStateException("embedded channel did not register", e);
        }
        return wire;
    }

    /**
     * Sends the WebSocket upgrade for {@code /media} and checks it is accepted (101).
     *
     * @param extraHeaders whole header lines without their line end, e.g. a Twilio signature
     */
    static void upgrade(EmbeddedChannel wire, String host, String... extraHeaders) {
        StringBuilder request = new StringBuilder("GET /media HTTP/1.1\r\nHost: ").append(host).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        wire.writeInbound(Unpooled.copiedBuffer(request.append("\r\n"), StandardCharsets.US_ASCII));
        ByteBuf handshake = wire.readOutbound();
        assertThat(handshake.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
        handshake.release();
    }

    /** A text frame from the client, masked as a client must. */
    static void sendText(EmbeddedChannel wire, String json) {
        wire.writeInbound(clientBytes(new TextWebSocketFrame(json)));
    }

    /** {@code frame} as a client puts it on the wire. */
    static ByteBuf clientBytes(WebSocketFrame frame) {
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameEncoder(true));
        client.writeOutbound(frame);
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b; (b = client.readOutbound()) != null; ) {
            all.writeBytes(b);
            b.release();
        }
        return all;
    }

    /** The frame the server wrote as {@code bytes}. */
    static WebSocketFrame serverFrame(ByteBuf bytes) {
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 20));
        client.writeInbound(bytes);
        return client.readInbound();
    }
}
