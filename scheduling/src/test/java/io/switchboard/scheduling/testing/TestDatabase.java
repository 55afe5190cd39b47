package io.switchboard.scheduling.testing;

import io.switchboard.scheduling.database.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM, and a fresh schema for each caller, so test classes never see each
 * other's rows and the suite pays the server start-up once.
 */
public final class TestDatabase {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    /** A migrated, empty schema of its own. Close the returned database when done (the server keeps running). */
    public static synchronized Database freshSchema() {
        EmbeddedPostgres pg = server();
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        return Database.attach(pg.getJdbcUrl("postgres", "postgres"), "postgres", null, schema);
    }

    public static synchronized String jdbcUrl() {
        return server().getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("switchboard-test-pg");
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dir.resolve("data"))
                        .setCleanDataDirectory(true)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL for tests", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temp directory is the OS's to clean
                }
            }));
        }
        return server;
    }
}
