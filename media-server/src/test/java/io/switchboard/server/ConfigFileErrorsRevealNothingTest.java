package io.switchboard.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code SWITCHBOARD_CONFIG} pointed at a file that is not a config: the error never quotes what the file holds. */
class ConfigFileErrorsRevealNothingTest {

    @Test
    void aSyntaxErrorNamesTheLineNotItsText(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("shadow"), "root:$6$s3cr3tSalt$hash: [x\n  : y\n");

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> Settings.load(Map.of(ServerConfig.CONFIG, file.toString())));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("not valid YAML").doesNotContain("s3cr3t").doesNotContain("root");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void aKeyThatIsNotAVariableNameIsNotRepeated(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("secrets.yaml"), "\"s3cr3t hunter2\": [1, 2]\n");

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> Settings.load(Map.of(ServerConfig.CONFIG, file.toString())));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).doesNotContain("s3cr3t").doesNotContain("hunter2");
    }
}
