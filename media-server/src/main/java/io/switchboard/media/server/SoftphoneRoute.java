package io.switchboard.media.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.util.List;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.switchboard.media.call.CallSessionFactory;

/**
 * Sends the browser softphone's upgrade ({@code <media path>/softphone}) to a pipeline of its own: the same
 * WebSocket framing and the same {@link MediaStreamHandler} feeding the same call sessions as a Twilio stream, but
 * with {@link SoftphoneStreamAuth} in place of Twilio's signature and call token. Every other request passes on
 * untouched to the Twilio pipeline. Decides on the first request, then leaves the pipeline.
 */
final class SoftphoneRoute extends ChannelInboundHandlerAdapter {

    static final String SUFFIX = MediaWebSocketServer.SOFTPHONE_SUFFIX;

    private final MediaServerSettings settings;
    private final CallSessionFactory calls;
    private final MediaStreamAuth auth;
    private final String path;

    SoftphoneRoute(MediaServerSettings settings, CallSessionFactory calls, MediaStreamAuth auth) {
        this.settings = settings;
        this.calls = calls;
        this.auth = auth;
        this.path = MediaChannelInitializer.softphonePath(settings);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest request && new QueryStringDecoder(request.uri()).path().equals(path)) {
            // Everything between this route and the not-found handler is the Twilio stream's (the WebSocket
            // handler also put its handshake handler there): swap it all for the softphone's.
            ChannelPipeline pipeline = ctx.pipeline();
            List<String> names = pipeline.names();
            for (String name : names.subList(names.indexOf(ctx.name()) + 1, names.indexOf("not-found"))) {
                pipeline.remove(name);
            }
            pipeline.addBefore("not-found", "websocket", MediaChannelInitializer.webSocket(settings, path));
            pipeline.addBefore("not-found", "ws-aggregator", new WebSocketFrameAggregator(settings.maxFrameBytes()));
            pipeline.addBefore("not-found", "media-stream", new MediaStreamHandler(calls, settings.maxFrameBytes(),
                    settings.startTimeout(), auth));
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(msg);
    }
}
