package io.switchboard.media.audio;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Real speech for tests, synthesised at test time with espeak-ng (installed by .ci/run; locally
 * {@code apt-get install espeak-ng}) and converted to 8 kHz 16-bit mono in Java.
 */
public final class EspeakSpeech {

    private EspeakSpeech() {
    }

    /** {@code text} spoken by espeak-ng's US English voice at 160 words a minute, as 8 kHz samples. */
    public static short[] narrowband(String text) {
        Path wav = null;
        try {
            wav = Files.createTempFile("espeak-", ".wav");
            Process process;
            try {
                process = new ProcessBuilder("espeak-ng", "-v", "en-us", "-s", "160", "-w", wav.toString(), text)
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                return fail("espeak-ng is not installed; these tests need real speech (apt-get install -y espeak-ng): "
                        + e.getMessage());
            }
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return fail("espeak-ng failed: " + new String(process.getInputStream().readAllBytes()));
            }
            return readAs8k(wav.toFile());
        } catch (IOException | UnsupportedAudioFileException e) {
            return fail("could not read espeak-ng output: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        } finally {
            if (wav != null) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException ignored) {
                    // temp file; the OS cleans up
                }
            }
        }
    }

    private static short[] readAs8k(File wav) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav)) {
            AudioFormat format = in.getFormat();
            if (format.getSampleSizeInBits() != 16 || format.getChannels() != 1) {
                fail("unexpected espeak-ng format " + format);
            }
            byte[] bytes = in.readAllBytes();
            short[] pcm = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer().get(pcm);
            StreamingResampler resampler = new StreamingResampler(Math.round(format.getSampleRate()), 8000);
            short[] out = new short[resampler.maxOutputLength(pcm.length)];
            int n = resampler.process(pcm, 0, pcm.length, out, 0);
            return java.util.Arrays.copyOf(out, n);
        }
    }

    /** {@code pcm} with {@code beforeMs} and {@code afterMs} of silence (8 kHz) around it. */
    public static short[] padded(short[] pcm, int beforeMs, int afterMs) {
        short[] out = new short[pcm.length + (beforeMs + afterMs) * 8];
        System.arraycopy(pcm, 0, out, beforeMs * 8, pcm.length);
        return out;
    }
}
