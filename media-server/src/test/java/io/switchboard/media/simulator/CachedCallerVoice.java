package io.switchboard.media.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A {@link CallerVoice} whose renders are kept on disk, keyed by the voice's {@link CallerVoice#id() id}, the rate
 * and the text: a line is synthesised once per build directory, so test runs after the first spend no time in
 * synthesis and MaryTTS callers never need the shared voice object while calls run.
 *
 * <p>Files are raw little-endian 16-bit samples, written to a temporary name and moved into place, so a concurrent
 * run (another JVM on the same directory) reads either nothing or a whole file.
 */
public final class CachedCallerVoice implements CallerVoice {

    /** Where test runs keep caller audio: under the module's build directory, removed by {@code mvn clean}. */
    public static final Path DEFAULT_DIRECTORY = Path.of("target", "caller-audio");

    private final CallerVoice voice;
    private final Path directory;

    public CachedCallerVoice(CallerVoice voice, Path directory) {
        this.voice = Objects.requireNonNull(voice, "voice");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** {@code voice} cached under {@link #DEFAULT_DIRECTORY}. */
    public static CachedCallerVoice of(CallerVoice voice) {
        return voice instanceof CachedCallerVoice cached ? cached : new CachedCallerVoice(voice, DEFAULT_DIRECTORY);
    }

    @Override
    public String id() {
        return voice.id();
    }

    @Override
    public short[] render(String text, int sampleRate) {
        Objects.requireNonNull(text, "text");
        Path file = directory.resolve(key(text, sampleRate) + ".pcm");
        try {
            if (Files.isRegularFile(file)) {
                return samples(Files.readAllBytes(file));
            }
            short[] rendered = voice.render(text, sampleRate);
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "render-", ".part");
            Files.write(partial, bytes(rendered));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return rendered;
        } catch (IOException e) {
            throw new UncheckedIOException("caller audio cache at " + directory + " failed", e);
        }
    }

    private String key(String text, int sampleRate) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((voice.id() + '\n' + sampleRate + '\n' + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] bytes(short[] samples) {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(samples);
        return buffer.array();
    }

    private static short[] samples(byte[] bytes) {
        short[] samples = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    @Override
    public String toString() {
        return voice.id() + " (cached in " + directory + ")";
    }
}
