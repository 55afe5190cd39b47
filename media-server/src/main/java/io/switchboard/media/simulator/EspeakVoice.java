package io.switchboard.media.simulator;

import io.switchboard.media.audio.StreamingResampler;
import io.switchboard.media.codec.MuLaw;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A synthetic caller's voice rendered with the {@code espeak-ng} command (a Debian package, never bundled), converted
 * in Java to the rate asked for. Rendering forks a process: do it before the call, not while streaming.
 *
 * @param voice          espeak-ng voice name ({@code en-gb})
 * @param wordsPerMinute speaking rate
 * @param wordGapTens    extra pause between words in units of 10 ms; 0 for espeak-ng's default
 */
public record EspeakVoice(String voice, int wordsPerMinute, int wordGapTens) {

    /**
     * The caller of the end-to-end tests and the load generator: British English, 150 words a minute and 80 ms between
     * words, which the small Vosk model follows best.
     */
    public static final EspeakVoice CALLER = new EspeakVoice("en-gb", 150, 8);

    public EspeakVoice {
        Objects.requireNonNull(voice, "voice");
        if (!voice.matches("[A-Za-z0-9+_-]+")) {
            throw new IllegalArgumentException("not an espeak-ng voice name: " + voice);
        }
        if (wordsPerMinute < 80 || wordsPerMinute > 450 || wordGapTens < 0) {
            throw new IllegalArgumentException("rate 80-450 words a minute and a non-negative gap, please");
        }
    }

    /** {@code text} as Twilio would stream it: 8 kHz mu-law, padded to whole 20 ms frames. */
    public CallerUtterance utterance(String text) {
        short[] pcm = render(text, 8000);
        short[] padded = Arrays.copyOf(pcm, Math.max(1, (pcm.length + 159) / 160) * 160);
        byte[] muLaw = new byte[padded.length];
        MuLaw.encode(padded, 0, padded.length, muLaw, 0);
        return CallerUtterance.of(text, muLaw);
    }

    /**
     * {@code text} as 16-bit mono samples at {@code sampleRate}.
     *
     * @throws IllegalStateException when espeak-ng is missing or fails
     */
    public short[] render(String text, int sampleRate) {
        Objects.requireNonNull(text, "text");
        Path wav = null;
        try {
            wav = Files.createTempFile("switchboard-caller-", ".wav");
            Process process;
            try {
                process = new ProcessBuilder(command(text, wav)).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IllegalStateException("espeak-ng is not installed; the simulated caller needs it"
                        + " (apt-get install -y espeak-ng): " + e.getMessage(), e);
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("espeak-ng did not finish within 30 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("espeak-ng failed: " + new String(process.getInputStream().readAllBytes()));
            }
            return read(wav, sampleRate);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read espeak-ng's output", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering speech", e);
        } finally {
            if (wav != null) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException ignored) {
                    // a temp file; the OS cleans up
                }
            }
        }
    }

    private List<String> command(String text, Path wav) {
        List<String> command = new ArrayList<>(List.of("espeak-ng", "-v", voice, "-s", Integer.toString(wordsPerMinute)));
        if (wordGapTens > 0) {
            command.addAll(List.of("-g", Integer.toString(wordGapTens)));
        }
        // "--" so a line starting with '-' is spoken, not taken as an option.
        command.addAll(List.of("-w", wav.toString(), "--", text));
        return command;
    }

    private static short[] read(Path wav, int rate) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = in.getFormat();
            if (format.getSampleSizeInBits() != 16 || format.getChannels() != 1) {
                throw new IOException("unexpected espeak-ng format " + format);
            }
            byte[] bytes = in.readAllBytes();
            short[] pcm = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer().get(pcm);
            int from = Math.round(format.getSampleRate());
            if (from == rate) {
                return pcm;
            }
            StreamingResampler resampler = new StreamingResampler(from, rate);
            short[] out = new short[resampler.maxOutputLength(pcm.length)];
            int n = resampler.process(pcm, 0, pcm.length, out, 0);
            return Arrays.copyOf(out, n);
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("espeak-ng wrote an unreadable wav", e);
        }
    }
}
