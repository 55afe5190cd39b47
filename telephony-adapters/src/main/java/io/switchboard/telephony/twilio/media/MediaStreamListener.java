package io.switchboard.telephony.twilio.media;

/**
 * Receives the events {@link MediaStreamDecoder} finds in inbound Twilio Media Streams frames, on the thread that
 * called {@code decode}. Implementations must not block: that thread is normally a Netty event loop.
 */
public interface MediaStreamListener {

    /** The first message on a new WebSocket ({@code protocol} is "Call", {@code version} e.g. "1.0.0"). */
    void onConnected(String protocol, String version);

    void onStart(StartInfo start);

    /**
     * One chunk of caller audio, normally 20 ms of 8 kHz mu-law (160 bytes).
     *
     * @param sequenceNumber Twilio's per-stream message counter
     * @param timestampMs    milliseconds since the stream started
     * @param payload        the decoder's reusable buffer: only {@code payload[0..length)} is valid and only until
     *                       this method returns, so copy what must outlive the call
     * @param length         number of decoded bytes
     */
    void onMedia(long sequenceNumber, long timestampMs, byte[] payload, int length);

    /** A key press; {@code digit} is one of {@code 0-9 * #} (or {@code A-D}). */
    void onDtmf(char digit);

    /** Twilio finished playing the audio sent before the outbound {@code mark} of this name (or it was cleared). */
    void onMark(String name);

    /** The stream ended (caller hung up or the call left the {@code <Connect>}). */
    void onStop();
}
