package io.switchboard.media.stt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks the Vosk English model, which the build copies onto the classpath from Maven Central's
 * {@code com.alphacephei:vosk-model-en} aar, into the cache directory once.
 *
 * <p>The model is unpacked into a temporary sibling directory and renamed into place, so a crash or a concurrent
 * start-up never leaves a half-written model that a later start would trust. {@code conf/mfcc.conf} gets
 * {@code --dither=0}: Kaldi's default dither adds random noise to the features, which makes the same audio give
 * different transcripts from run to run.
 */
public final class VoskModelInstaller {

    /** Classpath location of the model archive (see the maven-dependency-plugin execution in media-server's pom). */
    public static final String RESOURCE = "speech/vosk-model-en-us.zip";
    /** Directory name of the unpacked model inside the cache root. */
    public static final String MODEL_DIRECTORY = "vosk-model-en-us-0.3.45";

    private static final Logger LOG = LoggerFactory.getLogger(VoskModelInstaller.class);
    private static final String ENTRY_PREFIX = "assets/model-en-us/";
    private static final String MFCC_CONF = "conf/mfcc.conf";
    private static final String NO_DITHER = "--dither=0";
    private static final List<String> REQUIRED = List.of("am/final.mdl", MFCC_CONF, "conf/model.conf");

    private final Path cacheRoot;

    /** @param cacheRoot the cache directory, e.g. {@link SttSettings#cacheRoot} */
    public VoskModelInstaller(Path cacheRoot) {
        this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
    }

    /** Where the model lives once installed. */
    public Path modelDirectory() {
        return cacheRoot.resolve(MODEL_DIRECTORY);
    }

    /**
     * Returns the model directory, unpacking the classpath archive first if the model is not there yet.
     *
     * @throws SpeechEngineException if the archive is missing from the classpath or is not a Vosk model
     */
    public Path install() {
        Path target = modelDirectory();
        if (Files.isDirectory(target)) {
            return target;
        }
        InputStream archive = VoskModelInstaller.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (archive == null) {
            throw new SpeechEngineException("Vosk model archive " + RESOURCE + " is not on the classpath; build"
                    + " media-server with Maven so the vosk-model-en aar is copied into it");
        }
        try (archive) {
            return installFrom(archive);
        } catch (IOException e) {
            throw new SpeechEngineException("could not read Vosk model archive " + RESOURCE, e);
        }
    }

    /** Same as {@link #install()} from an explicit archive (the aar/zip layout, model under assets/model-en-us/). */
    public Path installFrom(InputStream zipArchive) {
        Path target = modelDirectory();
        if (Files.isDirectory(target)) {
            return target;
        }
        long started = System.nanoTime();
        Path staging = null;
        try {
            Files.createDirectories(cacheRoot);
            staging = Files.createTempDirectory(cacheRoot, MODEL_DIRECTORY + ".partial-");
            unpack(zipArchive, staging);
            for (String required : REQUIRED) {
                if (!Files.isRegularFile(staging.resolve(required))) {
                    throw new SpeechEngineException("Vosk model archive has no " + ENTRY_PREFIX + required
                            + "; is it the com.alphacephei:vosk-model-en 0.3.45 aar?");
                }
            }
            disableDither(staging.resolve(MFCC_CONF));
            moveIntoPlace(staging, target);
            LOG.info("Unpacked Vosk model to {} in {} ms", target, (System.nanoTime() - started) / 1_000_000);
            return target;
        } catch (IOException e) {
            throw new SpeechEngineException("could not unpack the Vosk model into " + target + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    private static void unpack(InputStream zipArchive, Path staging) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(zipArchive)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (!name.startsWith(ENTRY_PREFIX) || name.length() == ENTRY_PREFIX.length()) {
                    continue;
                }
                Path out = staging.resolve(name.substring(ENTRY_PREFIX.length())).normalize();
                if (!out.startsWith(staging)) {
                    throw new SpeechEngineException("Vosk model archive entry escapes the model directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void disableDither(Path mfccConf) throws IOException {
        List<String> lines = Files.readAllLines(mfccConf, StandardCharsets.UTF_8);
        List<String> kept = lines.stream().filter(line -> !line.trim().startsWith("--dither=")).toList();
        StringBuilder text = new StringBuilder();
        kept.forEach(line -> text.append(line).append('\n'));
        text.append(NO_DITHER).append('\n');
        Files.writeString(mfccConf, text, StandardCharsets.UTF_8);
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                throw e;
            }
            // Another process finished first; its copy is complete because it arrived by rename too.
            LOG.info("Vosk model appeared at {} concurrently; using it", target);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not remove staging directory {}: {}", directory, e.getMessage());
        }
    }
}
