package io.switchboard.media.simulator;

import io.switchboard.media.audio.StreamingResampler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Synthesiser output (a wav file or MaryTTS's stream) as 16-bit mono samples at the rate a caller needs. */
final class MonoSamples {

    private MonoSamples() {
    }

    /**
     * Reads {@code in} to its end and converts it to {@code rate} Hz. Reads in a loop: MaryTTS produces its audio
     * lazily and a single {@code readAllBytes()} on its stream can stop after the first buffer.
     */
    static short[] read(AudioInputStream in, int rate) throws IOException {
        AudioFormat format = in.getFormat();
        if (format.getChannels() != 1) {
            throw new IOException("expected mono speech, got " + format);
        }
        AudioInputStream pcm = in;
        if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || format.getSampleSizeInBits() != 16) {
            AudioFormat wanted = new AudioFormat(format.getSampleRate(), 16, 1, true, false);
            if (!AudioSystem.isConversionSupported(wanted, format)) {
                throw new IOException("cannot convert " + format + " to 16-bit PCM");
            }
            pcm = AudioSystem.getAudioInputStream(wanted, in);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = pcm.read(buffer)) >= 0; ) {
            bytes.write(buffer, 0, n);
        }
        byte[] raw = bytes.toByteArray();
        short[] samples = new short[raw.length / 2];
        ByteBuffer.wrap(raw).order(pcm.getFormat().isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer().get(samples);
        return resampled(samples, Math.round(format.getSampleRate()), rate);
    }

    static short[] resampled(short[] samples, int from, int to) {
        if (from == to) {
            return samples;
        }
        StreamingResampler resampler = new StreamingResampler(from, to);
        short[] out = new short[resampler.maxOutputLength(samples.length)];
        return Arrays.copyOf(out, resampler.process(samples, 0, samples.length, out, 0));
    }
}
