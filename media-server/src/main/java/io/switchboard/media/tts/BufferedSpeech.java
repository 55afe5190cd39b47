package io.switchboard.media.tts;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/** A sentence synthesised in full into memory, then read a stretch at a time (the default {@link SpeechStream}). */
final class BufferedSpeech implements SpeechStream, AudioSink {

    private static final int FRAME_BYTES = 160;

    private byte[] audio = new byte[FRAME_BYTES * 50];
    private int length;
    private int read;
    private int frames;

    @Override
    public void accept(byte[] frame, int offset, int len) {
        if (length + len > audio.length) {
            audio = Arrays.copyOf(audio, Math.max(audio.length * 2, length + len));
        }
        System.arraycopy(frame, offset, audio, length, len);
        length += len;
    }

    @Override
    public boolean deliver(AudioSink sink, BooleanSupplier pause) {
        while (read < length) {
            if (pause.getAsBoolean()) {
                return true;
            }
            int n = Math.min(FRAME_BYTES, length - read);
            sink.accept(audio, read, n);
            read += n;
            frames++;
        }
        return false;
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public void close() {
        read = length;
    }
}
