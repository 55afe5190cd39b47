package io.switchboard.media.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.switchboard.media.call.CallSessionFactory;

/** The pipeline of one media connection: HTTP upgrade, WebSocket framing with size limits, then the stream handler. */
final class MediaChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** Twilio sends a frame every 20 ms during a call; a connection silent this long is dead. */
    static final int READ_TIMEOUT_SECONDS = 30;
    private static final int MAX_HTTP_REQUEST_BYTES = 64 * 1024;

    private final MediaServerSettings settings;
    private final CallSessionFactory calls;
    private final MediaStreamAuth auth;

    MediaChannelInitializer(MediaServerSettings settings, CallSessionFactory calls, MediaStreamAuth auth) {
        this.settings = settings;
        this.calls = calls;
        this.auth = auth;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        configure(channel.pipeline(), settings, calls, auth);
    }

    /** Also used by tests on an embedded channel. */
    static void configure(ChannelPipeline pipeline, MediaServerSettings settings, CallSessionFactory calls,
                          MediaStreamAuth auth) {
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(settings.path())
                .checkStartsWith(true)
                .handleCloseFrames(true)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(settings.maxFrameBytes())
                        .allowExtensions(false)
                        .closeOnProtocolViolation(true)
                        .build())
                .build();
        pipeline.addLast("read-timeout", new ReadTimeoutHandler(READ_TIMEOUT_SECONDS));
        pipeline.addLast("http", new HttpServerCodec());
        pipeline.addLast("http-aggregator", new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES));
        pipeline.addLast("websocket", new WebSocketServerProtocolHandler(ws));
        pipeline.addLast("ws-aggregator", new WebSocketFrameAggregator(settings.maxFrameBytes()));
        pipeline.addLast("media-stream", new MediaStreamHandler(calls, settings.maxFrameBytes(),
                settings.startTimeout(), auth));
        pipeline.addLast("not-found", new NotFoundHandler());
    }
}
