package io.switchboard.scheduling.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The connection pool, the schema (migrated by Flyway on open) and the jOOQ context over it. Starts an embedded
 * PostgreSQL when no external server is configured. All calls through it block: keep them off event loops.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final DSLContext dsl;
    private final String schema;

    private Database(EmbeddedPostgres embedded, HikariDataSource pool, String schema) {
        this.embedded = embedded;
        this.pool = pool;
        this.schema = schema;
        this.dsl = DSL.using(pool, SQLDialect.POSTGRES, new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED));
    }

    /** Opens (and for embedded, starts) the database and brings its schema up to date. */
    public static Database open(DatabaseSettings settings) {
        EmbeddedPostgres embedded = null;
        String url;
        String user;
        String password;
        if (settings.embedded()) {
            embedded = startEmbedded(settings.embeddedDir());
            url = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = null;
        } else {
            url = settings.jdbcUrl();
            user = settings.user();
            password = settings.password();
        }
        try {
            HikariDataSource pool = pool(url, user, password, settings.schema());
            migrate(pool, settings.schema());
            LOG.info("database ready: {}", settings);
            return new Database(embedded, pool, settings.schema());
        } catch (RuntimeException e) {
            closeQuietly(embedded);
            throw e;
        }
    }

    /** Starts an embedded server; exposed for tests that share one server and open a schema per class. */
    public static EmbeddedPostgres startEmbedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("pgdata"))
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dataDir.resolve("pgbin").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Opens a pool on an already running server (tests: one embedded server, one schema per test class). */
    public static Database attach(String jdbcUrl, String user, String password, String schema) {
        HikariDataSource pool = pool(jdbcUrl, user, password, schema);
        migrate(pool, schema);
        return new Database(null, pool, schema);
    }

    private static HikariDataSource pool(String url, String user, String password, String schema) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        if (user != null) {
            cfg.setUsername(user);
        }
        if (password != null) {
            cfg.setPassword(password);
        }
        cfg.setPoolName("switchboard-db");
        cfg.setMaximumPoolSize(16);
        cfg.setMinimumIdle(2);
        cfg.setConnectionTimeout(10_000);
        // Unqualified table names resolve in our schema; public stays on the path for extensions.
        cfg.setConnectionInitSql("SET search_path TO " + schema + ", public");
        return new HikariDataSource(cfg);
    }

    private static void migrate(DataSource ds, String schema) {
        Flyway.configure()
                .dataSource(ds)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return pool;
    }

    public String schema() {
        return schema;
    }

    @Override
    public void close() {
        pool.close();
        closeQuietly(embedded);
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        if (pg == null) {
            return;
        }
        try {
            pg.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
