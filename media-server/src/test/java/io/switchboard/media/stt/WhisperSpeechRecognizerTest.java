package io.switchboard.media.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No ggml model can be fetched here, so these cover loading and start-up failures, not decoding. */
class WhisperSpeechRecognizerTest {

    @TempDir
    Path dir;

    @Test
    void nativeLibraryLoadsOnThisPlatform() {
        assertThat(WhisperSpeechRecognizer.loadNativeLibrary().getSystemInfo()).contains("AVX");
    }

    @Test
    void missingModelFileIsAClearStartUpError() {
        Path missing = dir.resolve("ggml-base.en.bin");
        assertThatThrownBy(() -> WhisperSpeechRecognizer.start(missing))
                .isInstanceOf(SpeechEngineException.class)
                .hasMessageContaining("not found").hasMessageContaining("ggml-base.en.bin");
    }

    @Test
    void corruptModelFileIsAClearStartUpError() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(1).nextBytes(garbage);
        Path corrupt = Files.write(dir.resolve("ggml-corrupt.bin"), garbage);

        assertThatThrownBy(() -> WhisperSpeechRecognizer.start(corrupt))
                .isInstanceOf(SpeechEngineException.class)
                .hasMessageContaining("not a valid ggml whisper model").hasMessageContaining("ggml-corrupt.bin");
    }

    @Test
    void configurationSelectsWhisperAndReportsItsModelProblem() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.bin"));
        SttSettings settings = new SttSettings(SttEngine.WHISPER, dir, 1, empty);

        assertThatThrownBy(() -> SpeechRecognizers.start(settings))
                .isInstanceOf(SpeechEngineException.class).hasMessageContaining("not a valid ggml whisper model");
    }
}
