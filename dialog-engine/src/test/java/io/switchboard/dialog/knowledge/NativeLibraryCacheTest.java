package io.switchboard.dialog.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The model's native libraries go where they are told, not into the home directory, and load from there. */
class NativeLibraryCacheTest {

    @Test
    void onnxRuntimeIsUnpackedOnceIntoTheGivenDirectory(@TempDir Path dir) throws IOException {
        Path ort = dir.resolve("onnxruntime");
        assertThat(NativeLibraryCache.unpackOnnxRuntime(ort)).isTrue();
        Path lib = ort.resolve("libonnxruntime.so");
        assertThat(lib).isRegularFile();
        assertThat(Files.size(lib)).isGreaterThan(1_000_000);
        long modified = Files.getLastModifiedTime(lib).toMillis();

        assertThat(NativeLibraryCache.unpackOnnxRuntime(ort)).isTrue();
        assertThat(Files.getLastModifiedTime(lib).toMillis()).as("a library in use is not rewritten").isEqualTo(modified);
        try (Stream<Path> files = Files.list(ort)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    /**
     * Two test JVMs (or two servers on one data directory) starting together unpack into the same directory at once:
     * each must end with whole libraries and no error. With one shared part file, one writer moved the other's
     * half-written copy into place and the other found its part gone, and its embedding layer stayed off.
     */
    @Test
    void unpackersRacingIntoOneDirectoryAllSucceedAndLeaveWholeLibraries(@TempDir Path dir) throws Exception {
        long expected;
        try (var in = NativeLibraryCache.class.getResourceAsStream(
                "/ai/onnxruntime/native/" + NativeLibraryCache.platform() + "/libonnxruntime.so")) {
            expected = in.readAllBytes().length;
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                Path ort = dir.resolve("round-" + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> unpacked = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    unpacked.add(pool.submit(() -> {
                        start.await();
                        return NativeLibraryCache.unpackOnnxRuntime(ort);
                    }));
                }
                start.countDown();
                for (Future<Boolean> f : unpacked) {
                    assertThat(f.get()).isTrue();
                }
                assertThat(Files.size(ort.resolve("libonnxruntime.so"))).isEqualTo(expected);
                try (Stream<Path> files = Files.list(ort)) {
                    assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLoadedModelTookItsLibrariesFromTheConfiguredCacheAndEmbedsOffline() {
        OnBoxEmbeddings model = OnBoxEmbeddings.shared();
        assertThat(model.embed("is there parking")).hasValueSatisfying(v -> assertThat(v).hasSize(384));
        assertThat(model.loadTime()).isPresent();

        Path ort = Path.of(System.getProperty(NativeLibraryCache.ORT_PATH));
        assertThat(ort.resolve("libonnxruntime4j_jni.so")).isRegularFile();
        Path djl = Path.of(System.getProperty(NativeLibraryCache.DJL_CACHE));
        assertThat(djl).isDirectory();
        assertThat(djl.toString()).doesNotStartWith(System.getProperty("user.home") + "/.djl.ai");
        assertThat(System.getProperty(NativeLibraryCache.DJL_OFFLINE)).isEqualTo("true");
    }
}
