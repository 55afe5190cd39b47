package io.switchboard.media.tts;

/**
 * Receives synthesised speech as telephone frames: 20 ms of 8 kHz G.711 mu-law, {@value #FRAME_BYTES} bytes each.
 * The array is reused for the next frame, so a sink that keeps the bytes must copy them (e.g. into a ByteBuf).
 */
@FunctionalInterface
public interface AudioSink {

    /** Bytes in one 20 ms mu-law frame at 8 kHz. */
    int FRAME_BYTES = 160;

    void accept(byte[] frame, int offset, int length);
}
