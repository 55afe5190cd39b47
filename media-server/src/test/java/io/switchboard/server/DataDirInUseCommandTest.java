package io.switchboard.server;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code profile} and {@code chat} run as their own process against the data dir of a running server (whose lock
 * this test JVM holds, as a running server would): one line saying so, exit status 2, no stack trace.
 */
class DataDirInUseCommandTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"profile", "chat"})
    void saysTheDataDirIsInUseInOneLine(String command) throws Exception {
        // Where a server started with this data dir keeps its embedded database and that database's lock.
        Path postgres = Files.createDirectories(dataDir.resolve("postgres"));
        try (FileChannel channel = FileChannel.open(postgres.resolve("switchboard.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            assertThat(held.isValid()).isTrue();
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), command);
            pb.environment().keySet().removeIf(k -> k.startsWith("SWITCHBOARD_") || k.equals("DATABASE_URL")
                    || k.equals("REDIS_URL"));
            pb.environment().put(ServerConfig.DATA_DIR, dataDir.toString());
            Path outFile = dataDir.resolve("out.txt");
            Path errFile = dataDir.resolve("err.txt");
            pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
            Process child = pb.start();
            child.getOutputStream().close();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = Files.readString(outFile, StandardCharsets.UTF_8);
            String err = Files.readString(errFile, StandardCharsets.UTF_8);
            List<String> lines = err.lines().filter(l -> !l.isBlank())
                    // The JVM's own notices about native access are not ours to silence.
                    .filter(l -> !l.startsWith("WARNING:")).toList();

            assertThat(lines).as("stderr; stdout was %s", out).singleElement().asString()
                    .isEqualTo("The embedded database in " + postgres + " is in use by a running Switchboard (it"
                            + " holds switchboard.lock): stop that server first, or set another SWITCHBOARD_DATA_DIR.");
            assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(child.exitValue()).isEqualTo(Main.EXIT_CONFIG);
        }
    }
}
