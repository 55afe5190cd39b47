package io.switchboard.media.call;

/**
 * The outbound side of one call: Twilio Media Streams {@code media}, {@code mark} and {@code clear} messages.
 * Implementations are thread-safe, never block, and keep the order of calls made by one thread.
 */
public interface CallOutput {

    /** 20 ms of 8 kHz mu-law reply audio; the bytes are copied before the method returns. */
    void sendMedia(byte[] muLaw, int offset, int length);

    /** Asks Twilio to echo {@code name} once everything sent so far has been played. */
    void sendMark(String name);

    /** Asks Twilio to drop the audio it has buffered but not yet played (barge-in). */
    void sendClear();

    /** False while the connection's send buffer is full; the sender should wait rather than queue more. */
    boolean isWritable();

    /** Ends the call: closes the media stream once what was sent has been flushed. */
    void hangUp();
}
