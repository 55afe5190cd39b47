package io.switchboard.media.simulator;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A text-to-speech program from a system package (espeak-ng, flite) that writes a wav file: never bundled, so
 * callers check {@link #installed()} and tests that need it assume it.
 *
 * @param name    the executable looked up on {@code PATH}
 * @param debianPackage the Debian package that installs it, for the error message
 */
public record SpeechProgram(String name, String debianPackage) {

    public static final SpeechProgram ESPEAK_NG = new SpeechProgram("espeak-ng", "espeak-ng");
    public static final SpeechProgram FLITE = new SpeechProgram("flite", "flite");

    private static final long TIMEOUT_SECONDS = 30;

    public SpeechProgram {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(debianPackage, "debianPackage");
    }

    /** An executable file of this name is in a {@code PATH} directory. */
    public boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name)) && Files.isRegularFile(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the program with the arguments {@code command} gives for a temporary wav file, and returns what it wrote
     * at {@code sampleRate}.
     *
     * @param command the whole command line (program name first) that writes speech to the given wav
     * @throws IllegalStateException when the program is missing, fails or hangs
     */
    short[] speak(Function<Path, List<String>> command, int sampleRate) {
        Path wav = null;
        try {
            wav = Files.createTempFile("switchboard-caller-", ".wav");
            Process process;
            try {
                process = new ProcessBuilder(command.apply(wav)).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IllegalStateException(name + " is not installed (apt-get install -y " + debianPackage
                        + "): " + e.getMessage(), e);
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                String output = new String(process.getInputStream().readAllBytes());
                throw new IllegalStateException(name + " failed: " + output);
            }
            try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
                return MonoSamples.read(in, sampleRate);
            } catch (UnsupportedAudioFileException e) {
                throw new IOException(name + " wrote an unreadable wav", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name + "'s output", e);
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
}
