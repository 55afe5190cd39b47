package io.switchboard.dialog.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Where the embedding model's native libraries are unpacked. ONNX Runtime would otherwise unpack into a fresh
 * temporary directory and DJL's tokenizer into {@code ~/.djl.ai}: neither is writable in a non-root container with a
 * read-only home. Both are pointed at one directory here, before the model is first loaded:
 * <ul>
 *   <li>{@code onnxruntime.native.path}: ONNX Runtime loads its two libraries from this directory; they are copied
 *       out of its jar once (again only when the size differs);</li>
 *   <li>{@code DJL_CACHE_DIR}: the DJL tokenizer unpacks its Rust library under it;</li>
 *   <li>{@code ai.djl.offline=true}: DJL never downloads a library it does not find in its jar.</li>
 * </ul>
 * A property already set on the command line ({@code -DDJL_CACHE_DIR=...}) is left as it is.
 */
public final class NativeLibraryCache {

    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraryCache.class);
    static final String ORT_PATH = "onnxruntime.native.path";
    static final String DJL_CACHE = "DJL_CACHE_DIR";
    static final String DJL_OFFLINE = "ai.djl.offline";

    private NativeLibraryCache() {
    }

    private static volatile boolean configured;

    /**
     * Prepares {@code dir} and points both libraries at it. Idempotent; safe to call before every first load.
     *
     * @param djlCacheDirSet the operator set {@code DJL_CACHE_DIR} in the environment, which DJL then uses as it is
     */
    public static synchronized void useDirectory(Path dir, boolean djlCacheDirSet) {
        Path root = dir.toAbsolutePath();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("native library cache " + root + " cannot be created", e);
        }
        if (!djlCacheDirSet) {
            setIfAbsent(DJL_CACHE, root.resolve("djl").toString());
        }
        setIfAbsent(DJL_OFFLINE, "true");
        if (System.getProperty(ORT_PATH) == null) {
            Path ort = root.resolve("onnxruntime");
            if (unpackOnnxRuntime(ort)) {
                System.setProperty(ORT_PATH, ort.toString());
            }
        }
        configured = true;
        LOG.info("embedding model native libraries under {}", root);
    }

    /** Whether {@link #useDirectory} ran (the server does it at start-up; a test or tool may not). */
    static boolean configured() {
        return configured || System.getProperty(DJL_CACHE) != null;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * Copies this platform's ONNX Runtime libraries out of its jar. False when the jar has none for this platform
     * (ONNX Runtime then fails to load with its own message, and the layer stays off).
     */
    static boolean unpackOnnxRuntime(Path dir) {
        String platform = platform();
        boolean mac = platform.startsWith("osx");
        boolean windows = platform.startsWith("win");
        String ext = mac ? ".dylib" : windows ? ".dll" : ".so";
        String prefix = windows ? "" : "lib";
        List<String> names = List.of(prefix + "onnxruntime" + ext, prefix + "onnxruntime4j_jni" + ext);
        try {
            Files.createDirectories(dir);
            for (String name : names) {
                String resource = "/ai/onnxruntime/native/" + platform + "/" + name;
                try (InputStream in = NativeLibraryCache.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        LOG.warn("no ONNX Runtime library for {} in the jar", platform);
                        return false;
                    }
                    Path target = dir.resolve(name);
                    // A part file of this process's own: two processes sharing the directory (two test JVMs, two
                    // servers on one data dir, both starting) would otherwise write into one part file at once and
                    // one of them would move the other's half-written library into place, or find its part gone.
                    Path part = Files.createTempFile(dir, name + ".", ".part");
                    try {
                        long size = Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                        if (!(Files.exists(target) && Files.size(target) == size)) {
                            // the rename is atomic: a reader sees the old library or the whole new one
                            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING,
                                    StandardCopyOption.ATOMIC_MOVE);
                        } // else already there: a library in use is never overwritten
                    } finally {
                        Files.deleteIfExists(part);
                    }
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("unpacking ONNX Runtime into " + dir + " failed", e);
        }
    }

    /** ONNX Runtime's name for this OS and CPU ({@code linux-x64}, {@code osx-aarch64}). */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : "linux";
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") || arch.equals("arm64")
                ? "aarch64" : arch;
        return o + "-" + a;
    }
}
