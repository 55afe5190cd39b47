package io.switchboard.bench.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminTokenFileTest {

    @Test
    void theVariableWins(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("admin-token"), "from-the-file-0123456789\n");

        assertThat(AdminTokenFile.find(Map.of("SWITCHBOARD_ADMIN_TOKEN", " configured-0123456789 ",
                "SWITCHBOARD_DATA_DIR", dir.toString()))).isEqualTo("configured-0123456789");
    }

    @Test
    void otherwiseTheServersGeneratedTokenIsRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("admin-token"), "from-the-file-0123456789\n");

        assertThat(AdminTokenFile.find(Map.of("SWITCHBOARD_DATA_DIR", dir.toString())))
                .isEqualTo("from-the-file-0123456789");
    }

    @Test
    void noTokenAnywhereSaysWhereItLooked(@TempDir Path dir) {
        assertThatThrownBy(() -> AdminTokenFile.find(Map.of("SWITCHBOARD_DATA_DIR", dir.toString())))
                .isInstanceOf(IOException.class).hasMessageContaining("SWITCHBOARD_ADMIN_TOKEN")
                .hasMessageContaining("admin-token");
    }
}
