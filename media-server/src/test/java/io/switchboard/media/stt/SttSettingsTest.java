package io.switchboard.media.stt;

import io.switchboard.models.settings.DataDir;
import io.switchboard.models.settings.SettingsException;
import io.switchboard.models.settings.SettingsProblem;
import io.switchboard.models.settings.SettingsSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SttSettingsTest {

    @Test
    void defaultsToVoskUnderTheDataDirectory() {
        SttSettings settings = SttSettings.from(SettingsSource.of(Map.of()), DataDir.DEFAULT);

        assertThat(settings.engine()).isEqualTo(SttEngine.VOSK);
        assertThat(settings.cacheRoot()).isEqualTo(Path.of("data/cache"));
        assertThat(settings.poolSize()).isEqualTo(4);
        assertThat(settings.whisperModelPath()).isNull();
    }

    @Test
    void readsWhisperSelectionAndPaths() {
        SttSettings settings = SttSettings.from(SettingsSource.of(Map.of("SWITCHBOARD_STT_ENGINE", "Whisper",
                "SWITCHBOARD_WHISPER_MODEL", "/models/ggml-base.en.bin", "SWITCHBOARD_STT_POOL", "8")),
                new DataDir(Path.of("/var/lib/sb")));

        assertThat(settings.engine()).isEqualTo(SttEngine.WHISPER);
        assertThat(settings.whisperModelPath()).isEqualTo(Path.of("/models/ggml-base.en.bin"));
        assertThat(settings.cacheRoot()).isEqualTo(Path.of("/var/lib/sb/cache"));
        assertThat(settings.poolSize()).isEqualTo(8);
    }

    @Test
    void rejectsUnusableSettingsWithTheVariableName() {
        assertThatThrownBy(() -> read(Map.of("SWITCHBOARD_STT_ENGINE", "google")))
                .hasMessageContaining("SWITCHBOARD_STT_ENGINE");
        assertThatThrownBy(() -> read(Map.of("SWITCHBOARD_STT_ENGINE", "whisper")))
                .hasMessageContaining("SWITCHBOARD_WHISPER_MODEL");
        assertThatThrownBy(() -> read(Map.of("SWITCHBOARD_STT_POOL", "many")))
                .hasMessageContaining("SWITCHBOARD_STT_POOL");
    }

    @Test
    void everyBadKeyIsNamedInTheOneErrorTheEngineAndItsMissingModelAmongThem() {
        assertThatThrownBy(() -> read(Map.of("SWITCHBOARD_STT_ENGINE", "whisper", "SWITCHBOARD_STT_POOL", "0",
                "SWITCHBOARD_STT_WORKERS", "lots")))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
                        .extracting(SettingsProblem::key).containsExactlyInAnyOrder("SWITCHBOARD_STT_POOL",
                                "SWITCHBOARD_STT_WORKERS", "SWITCHBOARD_WHISPER_MODEL"));
        assertThatThrownBy(() -> read(Map.of("SWITCHBOARD_STT_ENGINE", "google", "SWITCHBOARD_STT_POOL", "many")))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems())
                        .extracting(SettingsProblem::key).containsExactly("SWITCHBOARD_STT_ENGINE",
                                "SWITCHBOARD_STT_POOL"));
    }

    private static SttSettings read(Map<String, String> values) {
        return SttSettings.from(SettingsSource.of(values), DataDir.DEFAULT);
    }
}
