package io.switchboard.bench.audio;

import io.switchboard.media.audio.StreamingResampler;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Caller audio rendered at run time with espeak-ng (installed from Debian packages, never committed), as 16-bit
 * PCM at the rate asked for.
 */
public final class SpeechSamples {

    private SpeechSamples() {
    }

    public static short[] speak(String text, int sampleRate) {
        try {
            Path wav = Files.createTempFile("switchboard-bench", ".wav");
            try {
                Process p = new ProcessBuilder("espeak-ng", "-v", "en-gb", "-s", "150", "-w", wav.toString(), text)
                        .redirectErrorStream(true).start();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("espeak-ng failed; install it with: apt-get install -y espeak-ng");
                }
                return read(wav, sampleRate);
            } finally {
                Files.deleteIfExists(wav);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("espeak-ng is needed for caller audio: apt-get install -y espeak-ng", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static short[] read(Path wav, int rate) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            byte[] bytes = in.readAllBytes();
            ByteBuffer bb = ByteBuffer.wrap(bytes).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            short[] pcm = new short[bytes.length / 2];
            bb.asShortBuffer().get(pcm);
            int from = Math.round(f.getSampleRate());
            if (from == rate) {
                return pcm;
            }
            StreamingResampler r = new StreamingResampler(from, rate);
            short[] out = new short[r.maxOutputLength(pcm.length)];
            int n = r.process(pcm, 0, pcm.length, out, 0);
            short[] exact = new short[n];
            System.arraycopy(out, 0, exact, 0, n);
            return exact;
        } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IOException("espeak-ng wrote an unreadable wav", e);
        }
    }
}
