package io.switchboard.media.call;

/**
 * The inbound side of one call, fed by the media WebSocket. Every method returns at once: they run on a network event
 * loop, so anything slow happens on the call's own threads.
 */
public interface CallSession {

    /**
     * Caller audio, 8 kHz G.711 mu-law. The bytes are copied before the method returns, so {@code payload} may be a
     * reused buffer.
     */
    void onMedia(byte[] payload, int offset, int length);

    /** A key press ({@code 0-9 * #}). */
    void onDtmf(char digit);

    /** Twilio has played everything sent before the outbound mark {@code name} (or dropped it after a clear). */
    void onMark(String name);

    /** The stream ended or the connection dropped; idempotent. The session finishes its work in the background. */
    void stop();
}
