package io.switchboard.media.stt;

import io.switchboard.models.settings.SettingsSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SttSettingsTest {

    @Test
    void defaultsToVoskUnderTheDataDirectory() {
        SttSettings settings = SttSettings.from(SettingsSource.of(Map.of()));

        assertThat(settings.engine()).isEqualTo(SttEngine.VOSK);
        assertThat(settings.cacheRoot()).isEqualTo(Path.of("./data/cache"));
        assertThat(settings.poolSize()).isEqualTo(4);
        assertThat(settings.whisperModelPath()).isNull();
    }

    @Test
    void readsWhisperSelectionAndPaths() {
        SttSettings settings = SttSettings.from(SettingsSource.of(Map.of("SWITCHBOARD_STT_ENGINE", "Whisper",
                "SWITCHBOARD_WHISPER_MODEL", "/models/ggml-base.en.bin", "SWITCHBOARD_DATA_DIR", "/var/lib/sb",
                "SWITCHBOARD_STT_POOL", "8")));

        assertThat(settings.engine()).isEqualTo(SttEngine.WHISPER);
        assertThat(settings.whisperModelPath()).isEqualTo(Path.of("/models/ggml-base.en.bin"));
        assertThat(settings.cacheRoot()).isEqualTo(Path.of("/var/lib/sb/cache"));
        assertThat(settings.poolSize()).isEqualTo(8);
    }

    @Test
    void rejectsUnusableSettingsWithTheVariableName() {
        assertThatThrownBy(() -> SttSettings.from(SettingsSource.of(Map.of("SWITCHBOARD_STT_ENGINE", "google"))))
                .hasMessageContaining("SWITCHBOARD_STT_ENGINE");
        assertThatThrownBy(() -> SttSettings.from(SettingsSource.of(Map.of("SWITCHBOARD_STT_ENGINE", "whisper"))))
                .hasMessageContaining("SWITCHBOARD_WHISPER_MODEL");
        assertThatThrownBy(() -> SttSettings.from(SettingsSource.of(Map.of("SWITCHBOARD_STT_POOL", "many"))))
                .hasMessageContaining("SWITCHBOARD_STT_POOL");
    }
}
