package io.switchboard.media.server;

import static org.assertj.core.api.Assertions.fail;

import io.switchboard.media.audio.StreamingResampler;
import io.switchboard.media.codec.MuLaw;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * A caller's voice for end-to-end tests: espeak-ng's British English voice (150 words a minute, 80 ms between words,
 * which the small Vosk model follows best), resampled to 8 kHz and mu-law encoded as Twilio would send it. A missing
 * espeak-ng fails the test rather than skipping it.
 */
final class CallerVoice {

    private CallerVoice() {
    }

    /** {@code text} as 8 kHz mu-law, a whole number of 20 ms frames. */
    static byte[] say(String text) {
        Path wav = null;
        try {
            wav = Files.createTempFile("caller-", ".wav");
            Process process;
            try {
                process = new ProcessBuilder("espeak-ng", "-v", "en-gb", "-s", "150", "-g", "8", "-w", wav.toString(), text)
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                return fail("espeak-ng is not installed; the voice tests need it (apt-get install -y espeak-ng): " + e);
            }
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return fail("espeak-ng failed: " + new String(process.getInputStream().readAllBytes()));
            }
            try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
                byte[] bytes = in.readAllBytes();
                short[] pcm = new short[bytes.length / 2];
                ByteBuffer.wrap(bytes).order(in.getFormat().isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                        .asShortBuffer().get(pcm);
                StreamingResampler resampler = new StreamingResampler(Math.round(in.getFormat().getSampleRate()), 8000);
                short[] narrow = new short[resampler.maxOutputLength(pcm.length)];
                int n = resampler.process(pcm, 0, pcm.length, narrow, 0);
                int frames = (n + 159) / 160;
                short[] padded = Arrays.copyOf(narrow, frames * 160);
                byte[] muLaw = new byte[padded.length];
                MuLaw.encode(padded, 0, padded.length, muLaw, 0);
                return muLaw;
            }
        } catch (Exception e) {
            return fail("could not synthesise the caller's speech: " + e);
        } finally {
            if (wav != null) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException ignored) {
                    // a temp file
                }
            }
        }
    }
}
