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
    /** The browser softphone's proof, or null when that endpoint is off. */
    private final MediaStreamAuth softphone;

    MediaChannelInitializer(MediaServerSettings settings, CallSessionFactory calls, MediaStreamAuth auth,
                            MediaStreamAuth softphone) {
        this.settings = settings;
        this.calls = calls;
        this.auth = auth;
        this.softphone = softphone;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        configure(channel.pipeline(), settings, calls, auth);
        if (softphone != null) {
            channel.pipeline().addAfter("http-aggregator", "softphone-route",
                    new SoftphoneRoute(settings, calls, softphone));
        }
    }

    /** The softphone's path on the media server: under the media path, so a proxy route for it covers both. */
    static String softphonePath(MediaServerSettings settings) {
        return settings.path() + SoftphoneRoute.SUFFIX;
    }

    /** The WebSocket protocol handler for {@code path} with this server's frame limits. */
    static WebSocketServerProtocolHandler webSocket(MediaServerSettings settings, String path) {
        return new WebSocketServerProtocolHandler(webSocketConfig(settings, path, false));
    }

    /** One set of frame limits for every WebSocket of the media server; {@code prefix}: sub-paths match too. */
    private static WebSocketServerProtocolConfig webSocketConfig(MediaServerSettings settings, String path,
                                                                 boolean prefix) {
        return WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(path)
                .checkStartsWith(prefix)
                .handleCloseFrames(true)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(settings.maxFrameBytes())
                        .allowExtensions(false)
                        .closeOnProtocolViolation(true)
                        .build())
                .build();
    }

    /** Also used by tests on an embedded channel. */
    static void configure(ChannelPipeline pipeline, MediaServerSettings settings, CallSessionFactory calls,
                          MediaStreamAuth auth) {
        WebSocketServerProtocolConfig ws = webSocketConfig(settings, settings.path(), true);
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
