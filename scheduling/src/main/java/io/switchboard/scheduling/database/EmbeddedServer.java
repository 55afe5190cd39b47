package io.switchboard.scheduling.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The embedded PostgreSQL under a Switchboard data directory ({@code pgdata/} the cluster, {@code pgbin/} the
 * unpacked binaries, {@value SuperuserPassword#FILE} the superuser's password, {@value DataDirLock#FILE}).
 *
 * <p>Start-up holds the directory's lock, stops an orphaned postmaster a crashed run left behind (so a restart after
 * {@code kill -9} starts first time), and runs the server listening on loopback only with password authentication
 * ({@code scram-sha-256}) for every connection, local socket included. Clusters created before passwords were
 * required are upgraded once: started as they were, given the password, then restarted with the strict rules.
 */
public final class EmbeddedServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    /** How long an orphaned postmaster gets to shut down cleanly before it is killed. */
    static final Duration ORPHAN_GRACE = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    /** Replaces initdb's rules on every start, so a hand-edited {@code trust} line cannot survive a restart. */
    static final String PG_HBA = """
            # Written by Switchboard on every start: a password for every connection, loopback only.
            local   all  all                 scram-sha-256
            host    all  all  127.0.0.1/32   scram-sha-256
            host    all  all  ::1/128        scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final DataDirLock lock;
    private final String password;

    private EmbeddedServer(EmbeddedPostgres postgres, DataDirLock lock, String password) {
        this.postgres = postgres;
        this.lock = lock;
        this.password = password;
    }

    /**
     * Starts the server on {@code dir}, creating the cluster on first use.
     *
     * @throws IllegalStateException when another live process uses the directory
     * @throws UncheckedIOException  when PostgreSQL cannot be started
     */
    public static EmbeddedServer start(Path dir) {
        try {
            Files.createDirectories(dir);
            ownerOnly(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        DataDirLock lock = DataDirLock.acquire(dir);
        try {
            Path pgdata = dir.resolve("pgdata");
            OrphanedPostmaster.find(pgdata).ifPresent(orphan -> {
                if (!orphan.stop(ORPHAN_GRACE)) {
                    throw new IllegalStateException("an orphaned PostgreSQL (pid " + orphan.pid() + ") on " + pgdata
                            + " could not be stopped; stop it by hand and start again");
                }
            });
            boolean existing = Files.exists(pgdata.resolve("postgresql.conf"));
            if (existing && !SuperuserPassword.exists(dir)) {
                setPasswordOnLegacyCluster(dir, pgdata);
            }
            String password = SuperuserPassword.readOrCreate(dir);
            EmbeddedPostgres pg = builder(dir, pgdata)
                    // Used by initdb only, i.e. on the first start: the superuser gets the password from the start.
                    .setLocaleConfig("pwfile", SuperuserPassword.file(dir).toString())
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setConnectConfig("password", password)
                    .setDataDirectoryCustomizer(EmbeddedServer::writeAuthRules)
                    .start();
            return new EmbeddedServer(pg, lock, password);
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(SUPERUSER, "postgres");
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Stops PostgreSQL (fast shutdown) and releases the directory. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        } finally {
            lock.close();
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dir, Path pgdata) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgdata)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dir.resolve("pgbin").toFile())
                .setServerConfig("listen_addresses", "localhost");
    }

    /** One start under the old trust rules, to give the superuser the password the strict rules will ask for. */
    private static void setPasswordOnLegacyCluster(Path dir, Path pgdata) throws IOException {
        LOG.info("embedded PostgreSQL in {} has no password yet; setting one", pgdata);
        String password = SuperuserPassword.readOrCreate(dir);
        try (EmbeddedPostgres legacy = builder(dir, pgdata).start();
             Connection c = DriverManager.getConnection(legacy.getJdbcUrl(SUPERUSER, "postgres"), SUPERUSER, "");
             Statement s = c.createStatement()) {
            // The password is hex, so it needs no escaping inside the literal.
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
        } catch (SQLException e) {
            Files.deleteIfExists(SuperuserPassword.file(dir));
            throw new IOException("cannot set the superuser password: " + e.getMessage(), e);
        }
    }

    private static void writeAuthRules(File pgdata) {
        try {
            Files.writeString(pgdata.toPath().resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf in " + pgdata, e);
        }
    }

    private static void ownerOnly(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
