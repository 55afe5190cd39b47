package io.switchboard.media.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.switchboard.media.call.CallOutput;
import io.switchboard.telephony.twilio.media.MediaStreamEncoder;

/**
 * Writes a call's outbound Media Streams messages to its WebSocket. Messages are encoded into the encoder's reused
 * array and copied into a pooled buffer, so a 20 ms frame costs no heap array; the write itself hops to the channel's
 * event loop when called from a call thread. Synchronized because the speaking and listening threads both write.
 */
final class ChannelCallOutput implements CallOutput {

    private final Channel channel;
    private final MediaStreamEncoder encoder;

    ChannelCallOutput(Channel channel, String streamSid) {
        this.channel = channel;
        this.encoder = new MediaStreamEncoder(streamSid);
    }

    @Override
    public synchronized void sendMedia(byte[] muLaw, int offset, int length) {
        write(encoder.encodeMedia(muLaw, offset, length));
    }

    @Override
    public synchronized void sendMark(String name) {
        write(encoder.encodeMark(name));
    }

    @Override
    public synchronized void sendClear() {
        write(encoder.encodeClear());
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable() || !channel.isActive();
    }

    @Override
    public void hangUp() {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE, "call ended"))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void write(int length) {
        if (!channel.isActive()) {
            return;
        }
        ByteBuf buf = channel.alloc().buffer(length);
        buf.writeBytes(encoder.buffer(), 0, length);
        channel.writeAndFlush(new TextWebSocketFrame(buf), channel.voidPromise());
    }
}
