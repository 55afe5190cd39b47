package io.switchboard.media.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskModelInstallerTest {

    @TempDir
    Path cache;

    @Test
    void unpacksTheMavenModelWithDitherDisabled() throws IOException {
        Path model = SharedVosk.model();

        assertThat(model.getFileName().toString()).isEqualTo("vosk-model-en-us-0.3.45");
        assertThat(model.resolve("am/final.mdl")).isRegularFile();
        assertThat(model.resolve("graph/HCLr.fst")).isRegularFile();
        assertThat(Files.readAllLines(model.resolve("conf/mfcc.conf")))
                .contains("--sample-frequency=16000").containsOnlyOnce("--dither=0");
    }

    @Test
    void installsAtomicallyOnceAndThenReusesTheDirectory() throws IOException {
        VoskModelInstaller installer = new VoskModelInstaller(cache);
        Path model = installer.installFrom(archive(Map.of(
                "assets/model-en-us/am/final.mdl", "acoustic",
                "assets/model-en-us/conf/model.conf", "--beam=10.0\n",
                "assets/model-en-us/conf/mfcc.conf", "--use-energy=false\n--dither=1.0\n",
                "classes.jar", "ignored")));

        assertThat(model).isEqualTo(cache.toAbsolutePath().resolve("vosk-model-en-us-0.3.45"));
        assertThat(Files.readString(model.resolve("conf/mfcc.conf"))).isEqualTo("--use-energy=false\n--dither=0\n");
        assertThat(model.resolve("classes.jar")).doesNotExist();
        try (var entries = Files.list(cache)) {
            assertThat(entries).containsExactly(model);
        }

        Files.writeString(model.resolve("marker"), "kept");
        assertThat(installer.installFrom(new ByteArrayInputStream(new byte[0]))).isEqualTo(model);
        assertThat(installer.install()).isEqualTo(model);
        assertThat(model.resolve("marker")).hasContent("kept");
    }

    @Test
    void archiveWithoutAModelIsAClearErrorAndLeavesNothingBehind() throws IOException {
        VoskModelInstaller installer = new VoskModelInstaller(cache);

        assertThatThrownBy(() -> installer.installFrom(archive(Map.of("assets/other/readme", "x"))))
                .isInstanceOf(SpeechEngineException.class)
                .hasMessageContaining("assets/model-en-us/am/final.mdl");
        try (var entries = Files.list(cache)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void entriesEscapingTheModelDirectoryAreRejected() throws IOException {
        VoskModelInstaller installer = new VoskModelInstaller(cache.resolve("inner"));

        assertThatThrownBy(() -> installer.installFrom(archive(Map.of("assets/model-en-us/../../../evil", "x"))))
                .isInstanceOf(SpeechEngineException.class).hasMessageContaining("escapes");
        assertThat(cache.resolve("evil")).doesNotExist();
        assertThat(installer.modelDirectory()).doesNotExist();
    }

    private static ByteArrayInputStream archive(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
