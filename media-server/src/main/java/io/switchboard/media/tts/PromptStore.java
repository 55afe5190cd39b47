package io.switchboard.media.tts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synthesised prompts kept on disk between starts, so a restart does not spend half a minute of both cores saying the
 * same hundred sentences again. One file per prompt, named by a hash of the voice and the text (the text itself, the
 * business's name in it included, never appears in a file name); written to a temporary file and moved into place,
 * so servers sharing the directory never read half a prompt. A store that cannot be read or written is only slower:
 * the first problem is logged (the rest at debug) and the prompt is synthesised as if there were no store.
 */
public final class PromptStore {

    private static final Logger LOG = LoggerFactory.getLogger(PromptStore.class);
    private static final String SUFFIX = ".ulaw";

    /** Keeps nothing: every start synthesises every prompt. */
    public static final PromptStore NONE = new PromptStore(null, "");

    private final Path directory;
    private final String voice;
    /** Whether a problem was logged already: a read-only directory must not print a warning per prompt. */
    private final AtomicBoolean warned = new AtomicBoolean();

    private PromptStore(Path directory, String voice) {
        this.directory = directory;
        this.voice = voice;
    }

    /**
     * A store in {@code directory} for prompts in {@code voice}: anything that changes the audio (engine, voice, its
     * version, the output format) must be in it, since a prompt of another voice would be played as this one's.
     */
    public static PromptStore in(Path directory, String voice) {
        return new PromptStore(directory, voice);
    }

    /**
     * A store in {@code directory} for {@code synthesizer}'s prompts, its voice known by what it makes of one short
     * sentence: a new engine, voice, effect or resampler sounds different, so its prompts are synthesised afresh
     * without anybody having to remember to clear the directory. Costs one short synthesis.
     */
    public static PromptStore in(Path directory, SpeechSynthesizer synthesizer) {
        MessageDigest sha = sha256();
        synthesizer.synthesize("Switchboard, one two three.", sha::update, () -> false);
        return new PromptStore(directory, HexFormat.of().formatHex(sha.digest()));
    }

    /** The stored audio of {@code text} (whole 20 ms mu-law frames), or empty. */
    Optional<byte[]> load(String text) {
        if (directory == null) {
            return Optional.empty();
        }
        Path file = file(text);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            byte[] audio = Files.readAllBytes(file);
            return audio.length % AudioSink.FRAME_BYTES == 0 ? Optional.of(audio) : Optional.empty();
        } catch (IOException e) {
            problem("stored prompt " + file.getFileName() + " unreadable; synthesising it", e);
            return Optional.empty();
        }
    }

    /** Keeps {@code audio} for {@code text}; a failure is logged and otherwise ignored. */
    void save(String text, byte[] audio) {
        if (directory == null) {
            return;
        }
        Path file = file(text);
        Path partial = null;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, "prompt", ".part");
            Files.write(partial, audio);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            problem("could not keep prompts in " + directory, e);
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the next start overwrites or ignores it: .part files are never read
                }
            }
        }
    }

    private void problem(String what, IOException e) {
        if (warned.compareAndSet(false, true)) {
            LOG.warn("{} ({}); prompts are synthesised at every start until this is fixed", what, e.toString());
        } else {
            LOG.debug("{} ({})", what, e.toString());
        }
    }

    private Path file(String text) {
        MessageDigest sha = sha256();
        sha.update(voice.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        return directory.resolve(HexFormat.of().formatHex(sha.digest()) + SUFFIX);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
