package io.switchboard.media.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.switchboard.media.call.CallSessionFactory;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty server Twilio's Media Streams connect to ({@code ws://host:port/media}, behind a TLS proxy as wss). Each
 * connection gets its own handler; a call's slow work runs on that call's threads, never on the event loops.
 */
public final class MediaWebSocketServer implements AutoCloseable {

    /** The browser softphone's endpoint, under the media path ({@code /media/softphone}). */
    public static final String SOFTPHONE_SUFFIX = "/softphone";

    private static final Logger LOG = LoggerFactory.getLogger(MediaWebSocketServer.class);

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final MediaServerSettings settings;

    private MediaWebSocketServer(EventLoopGroup boss, EventLoopGroup workers, Channel serverChannel,
                                 MediaServerSettings settings) {
        this.boss = boss;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.settings = settings;
    }

    /**
     * Binds and returns once the server listens.
     *
     * @param auth who may stream calls; {@link MediaStreamAuth#unauthenticated()} only for development and tests
     *
     * @throws IllegalStateException if the address cannot be bound
     */
    public static MediaWebSocketServer start(MediaServerSettings settings, CallSessionFactory calls,
                                             MediaStreamAuth auth) {
        return start(settings, calls, auth, null);
    }

    /**
     * As {@link #start(MediaServerSettings, CallSessionFactory, MediaStreamAuth)}, with the browser softphone's
     * endpoint at {@link #softphonePath()} admitted by {@code softphone} (null: no softphone endpoint).
     */
    public static MediaWebSocketServer start(MediaServerSettings settings, CallSessionFactory calls,
                                             MediaStreamAuth auth, MediaStreamAuth softphone) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(auth, "auth");
        EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("media-accept", true));
        EventLoopGroup workers = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("media-io", true));
        try {
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 256)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new MediaChannelInitializer(settings, calls, auth, softphone))
                    .bind(settings.host(), settings.port())
                    .syncUninterruptibly()
                    .channel();
            MediaWebSocketServer server = new MediaWebSocketServer(boss, workers, channel, settings);
            LOG.info("Media WebSocket listening on ws://{}:{}{}", settings.host(), server.port(), settings.path());
            return server;
        } catch (RuntimeException e) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("media WebSocket cannot listen on " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
    }

    /** The port bound (the chosen one when the settings asked for 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Where the browser softphone connects on this server ({@code /media/softphone} by default). */
    public String softphonePath() {
        return MediaChannelInitializer.softphonePath(settings);
    }

    public MediaServerSettings settings() {
        return settings;
    }

    /** Stops accepting, closes open media connections (their calls stop) and waits briefly for the event loops. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
