package io.switchboard.scheduling.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server as the product runs it: restart after a crash, password, loopback only. */
class EmbeddedServerTest {

    @TempDir
    Path dir;

    @Test
    void restartsFirstTimeAfterTheJavaSideWasKilled() throws Exception {
        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                EmbeddedServerChild.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        long orphanPid;
        try {
            awaitReady(child);
            orphanPid = Long.parseLong(Files.readAllLines(dir.resolve("pgdata/postmaster.pid")).get(0).strip());
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs, postgres is left behind
            child.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive))
                .as("the killed JVM's postgres keeps running (the situation after kill -9)").contains(true);

        long restarting = System.nanoTime();
        try (EmbeddedServer restarted = EmbeddedServer.start(dir)) {
            System.out.printf("restart over an orphaned postmaster took %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarting));
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            try (Connection c = connect(restarted, restarted.password()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT note FROM survived")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("written before the crash");
            }
        }
    }

    @Test
    void refusesConnectionsWithoutTheGeneratedPasswordAndAnswersUntilStopped() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(dir)) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(server, "not-the-password").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            try (Connection c = connect(server, server.password()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW listen_addresses")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("localhost");
            }
            Path passwordFile = dir.resolve(SuperuserPassword.FILE);
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password()).hasSize(64);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(dir.resolve("pgdata/pg_hba.conf"))).doesNotContain("trust");

            // One process per data directory: a second start is refused and the running server is left alone.
            assertThatThrownBy(() -> EmbeddedServer.start(dir)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already open");
            try (Database db = Database.attach(server.jdbcUrl(), server.user(), server.password(), "reach")) {
                assertThat(db.isReachable(Duration.ofSeconds(2))).isTrue();
                server.close();
                assertThat(db.isReachable(Duration.ofSeconds(2))).as("stopped").isFalse();
            }
        }
        // The same password on the next start, not a new one.
        String first = Files.readString(dir.resolve(SuperuserPassword.FILE)).strip();
        try (EmbeddedServer again = EmbeddedServer.start(dir)) {
            assertThat(again.password()).isEqualTo(first);
            connect(again, first).close();
        }
    }

    @Test
    void aClusterCreatedWithoutAPasswordGetsOneOnItsNextStart() throws Exception {
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(false).setOverrideWorkingDirectory(dir.resolve("pgbin").toFile()).start();
             Connection c = DriverManager.getConnection(legacy.getJdbcUrl("postgres", "postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (id int)");
        }
        try (EmbeddedServer server = EmbeddedServer.start(dir)) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            try (Connection c = connect(server, server.password()); Statement s = c.createStatement()) {
                s.executeQuery("SELECT count(*) FROM kept").close();
            }
        }
    }

    private static Connection connect(EmbeddedServer server, String password) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), "postgres", password);
    }

    private static void awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        StringBuilder seen = new StringBuilder();
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                // Keep draining so the child never blocks on a full pipe.
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child never became ready:\n" + seen);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }

}
