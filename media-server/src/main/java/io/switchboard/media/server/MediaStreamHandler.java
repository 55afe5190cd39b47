package io.switchboard.media.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.switchboard.media.call.CallSession;
import io.switchboard.media.call.CallSessionFactory;
import io.switchboard.telephony.twilio.media.MediaStreamDecoder;
import io.switchboard.telephony.twilio.media.MediaStreamException;
import io.switchboard.telephony.twilio.media.MediaStreamListener;
import io.switchboard.telephony.twilio.media.StartInfo;
import io.netty.util.concurrent.ScheduledFuture;
import io.switchboard.telephony.twilio.TwilioSignatureVerifier;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One media WebSocket: decodes Twilio's text frames on the event loop and passes the events to the call's
 * {@link CallSession}, which returns at once. A bad frame (malformed JSON, unknown event, media before {@code start})
 * is logged by its reason only and skipped; a connection that keeps sending them, sends a frame over the size limit or
 * a stream in another audio format is closed — only that connection, other calls never notice. A connection that has
 * not sent a valid {@code start} within the start timeout is closed too, before any call resource (recogniser,
 * threads) is taken for it.
 *
 * <p>Authentication ({@link MediaStreamAuth}): an upgrade without Twilio's signature is closed with 1008 as soon as the
 * handshake completes; a {@code start} is admitted only with a valid, unused per-call token, and the call is opened
 * with the caller ID the token proves. Until the admission is decided (the single-use check runs off the event loop)
 * media frames are dropped: Twilio starts sending them right after {@code start}, and the greeting plays first anyway.
 */
final class MediaStreamHandler extends SimpleChannelInboundHandler<WebSocketFrame> implements MediaStreamListener {

    private static final Logger LOG = LoggerFactory.getLogger(MediaStreamHandler.class);
    /** Bad frames tolerated per connection before it is closed as broken or hostile. */
    static final int MAX_BAD_FRAMES = 50;
    /** Twilio sends 160-byte payloads; room for a few times that. */
    private static final int MAX_PAYLOAD_BYTES = 4096;
    private static final int LOGGED_BAD_FRAMES = 3;

    private final CallSessionFactory calls;
    private final MediaStreamAuth auth;
    private final MediaStreamDecoder decoder;
    private final int maxFrameBytes;
    private final long startTimeoutMillis;
    private ScheduledFuture<?> startDeadline;
    /** The WebSocket handshake is done: close frames can be sent. */
    private boolean upgraded;
    /** Copy target for frames in direct (off-heap) buffers; grows to the largest frame seen. */
    private byte[] scratch = new byte[1024];
    private ChannelHandlerContext ctx;
    private CallSession session;
    /** A start was received and is being admitted: no second start, media dropped. */
    private boolean admitting;
    private String callId = "-";
    private int badFrames;
    private boolean closing;

    MediaStreamHandler(CallSessionFactory calls, int maxFrameBytes, MediaStreamAuth auth) {
        this(calls, maxFrameBytes, MediaServerSettings.DEFAULT_START_TIMEOUT, auth);
    }

    MediaStreamHandler(CallSessionFactory calls, int maxFrameBytes, Duration startTimeout, MediaStreamAuth auth) {
        this.calls = calls;
        this.auth = auth;
        this.maxFrameBytes = maxFrameBytes;
        this.startTimeoutMillis = startTimeout.toMillis();
        this.decoder = new MediaStreamDecoder(new byte[MAX_PAYLOAD_BYTES], maxFrameBytes);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        // Counted from the connection, not the upgrade: a client that never finishes the handshake is closed too.
        startDeadline = ctx.executor().schedule(this::startOverdue, startTimeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelStartDeadline();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
            upgraded = true;
            if (!auth.upgradeSigned(handshake.requestHeaders().get(TwilioSignatureVerifier.SIGNATURE_HEADER))) {
                close(WebSocketCloseStatus.POLICY_VIOLATION, "upgrade without a valid Twilio signature");
                return;
            }
        }
        super.userEventTriggered(ctx, event);
    }

    private void startOverdue() {
        if (session == null && !closing && ctx.channel().isOpen()) {
            LOG.warn("media connection {}: no valid start within {} ms, closing", connectionId(), startTimeoutMillis);
            closing = true;
            if (upgraded) {
                ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, "no start"))
                        .addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.close();
            }
        }
    }

    private void cancelStartDeadline() {
        if (startDeadline != null) {
            startDeadline.cancel(false);
            startDeadline = null;
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (closing) {
            return;
        }
        if (!(frame instanceof TextWebSocketFrame)) {
            // Close frames and pings are answered by the protocol handler before this one; anything else is foreign.
            bad("non-text frame (" + frame.getClass().getSimpleName() + ")");
            return;
        }
        ByteBuf content = frame.content();
        int length = content.readableBytes();
        if (length > maxFrameBytes) {
            close(WebSocketCloseStatus.MESSAGE_TOO_BIG, "frame of " + length + " bytes");
            return;
        }
        try {
            if (content.hasArray()) {
                decoder.decode(content.array(), content.arrayOffset() + content.readerIndex(), length, this);
            } else {
                if (scratch.length < length) {
                    scratch = new byte[Math.max(length, scratch.length * 2)];
                }
                content.getBytes(content.readerIndex(), scratch, 0, length);
                decoder.decode(scratch, 0, length, this);
            }
        } catch (MediaStreamException e) {
            if (e.reason() == MediaStreamException.Reason.FRAME_TOO_LARGE) {
                close(WebSocketCloseStatus.MESSAGE_TOO_BIG, e.getMessage());
            } else {
                bad(e.getMessage());
            }
        }
    }

    @Override
    public void onConnected(String protocol, String version) {
        LOG.debug("media connection {}: connected ({} {})", connectionId(), protocol, version);
    }

    @Override
    public void onStart(StartInfo start) {
        if (session != null || admitting) {
            bad("second start on one connection");
            return;
        }
        if (!upgraded) {
            // Only reachable when the handler runs without the WebSocket handshake: nothing was signed.
            close(WebSocketCloseStatus.POLICY_VIOLATION, "start before the upgrade");
            return;
        }
        callId = mask(start.callSid());
        if (!start.mediaFormat().isMulaw8kMono()) {
            close(WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "unsupported media format " + start.mediaFormat().encoding()
                    + "/" + start.mediaFormat().sampleRate() + "/" + start.mediaFormat().channels());
            return;
        }
        admitting = true;
        CompletableFuture<StreamAdmission> admission = auth.admit(start);
        if (admission.isDone() && ctx.executor().inEventLoop()) {
            admitted(admission.getNow(null), null);
        } else {
            admission.whenComplete((result, error) -> ctx.executor().execute(() -> admitted(result, error)));
        }
    }

    /** On the event loop, once the start's admission is decided. */
    private void admitted(StreamAdmission admission, Throwable error) {
        admitting = false;
        if (closing || !ctx.channel().isOpen()) {
            return;
        }
        if (error != null) {
            LOG.error("media connection {} call {}: could not check the call token ({})", connectionId(), callId,
                    error.toString());
            close(WebSocketCloseStatus.INTERNAL_SERVER_ERROR, "call could not start");
            return;
        }
        if (admission instanceof StreamAdmission.Refused refused) {
            close(WebSocketCloseStatus.POLICY_VIOLATION, "start refused: " + refused.reason());
            return;
        }
        StartInfo start = ((StreamAdmission.Admitted) admission).start();
        cancelStartDeadline();
        try {
            session = calls.open(start, new ChannelCallOutput(ctx.channel(), start.streamSid()));
        } catch (RuntimeException e) {
            LOG.error("media connection {} call {}: could not open the call ({})", connectionId(), callId, e.toString());
            close(WebSocketCloseStatus.INTERNAL_SERVER_ERROR, "call could not start");
        }
    }

    @Override
    public void onMedia(long sequenceNumber, long timestampMs, byte[] payload, int length) {
        if (session == null) {
            if (!admitting) {
                bad("media before start");
            }
            return;
        }
        session.onMedia(payload, 0, length);
    }

    @Override
    public void onDtmf(char digit) {
        if (session == null) {
            if (!admitting) {
                bad("dtmf before start");
            }
            return;
        }
        session.onDtmf(digit);
    }

    @Override
    public void onMark(String name) {
        if (session == null) {
            if (!admitting) {
                bad("mark before start");
            }
            return;
        }
        session.onMark(name);
    }

    @Override
    public void onStop() {
        LOG.info("media connection {} call {}: stop", connectionId(), callId);
        stopSession();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stopSession();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (closing) {
            return;
        }
        if (cause instanceof TooLongFrameException || cause instanceof CorruptedWebSocketFrameException) {
            // A fragmented message over the limit, or a frame the decoder refused: tell the peer why.
            close(WebSocketCloseStatus.MESSAGE_TOO_BIG, cause.getMessage());
            return;
        }
        closing = true;
        if (cause instanceof ReadTimeoutException) {
            LOG.warn("media connection {} call {}: no frames for too long, closing", connectionId(), callId);
        } else {
            LOG.warn("media connection {} call {}: {}, closing", connectionId(), callId, cause.toString());
        }
        stopSession();
        ctx.close();
    }

    private void stopSession() {
        if (session != null) {
            session.stop();
        }
    }

    private void bad(String reason) {
        badFrames++;
        if (badFrames <= LOGGED_BAD_FRAMES || badFrames % 100 == 0) {
            LOG.warn("media connection {} call {}: ignored bad frame #{}: {}", connectionId(), callId, badFrames, reason);
        }
        if (badFrames >= MAX_BAD_FRAMES) {
            close(WebSocketCloseStatus.POLICY_VIOLATION, "too many bad frames");
        }
    }

    private void close(WebSocketCloseStatus status, String reason) {
        LOG.warn("media connection {} call {}: closing ({}: {})", connectionId(), callId, status.code(), reason);
        closing = true;
        stopSession();
        ctx.writeAndFlush(new CloseWebSocketFrame(status, status.reasonText())).addListener(ChannelFutureListener.CLOSE);
    }

    private String connectionId() {
        return ctx == null ? "-" : ctx.channel().id().asShortText();
    }

    private static String mask(String callSid) {
        String clean = callSid.replaceAll("[^A-Za-z0-9]", "");
        return "…" + (clean.length() <= 6 ? clean : clean.substring(clean.length() - 6));
    }
}
