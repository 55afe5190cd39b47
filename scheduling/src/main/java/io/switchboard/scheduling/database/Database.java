package io.switchboard.scheduling.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * The connection pool, the schema (migrated by Flyway on open) and the jOOQ context over it. Starts an embedded
 * PostgreSQL when no external server is configured. All calls through it block: keep them off event loops.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final EmbeddedServer embedded;
    private final HikariDataSource pool;
    private final DSLContext dsl;
    private final String schema;
    private final String url;
    private final String user;
    private final String password;

    private Database(EmbeddedServer embedded, HikariDataSource pool, String schema, String url, String user,
                     String password) {
        this(embedded, pool, schema, url, user, password, DSL.using(pool, SQLDialect.POSTGRES,
                new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)));
    }

    private Database(EmbeddedServer embedded, HikariDataSource pool, String schema, String url, String user,
                     String password, DSLContext dsl) {
        this.embedded = embedded;
        this.pool = pool;
        this.schema = schema;
        this.url = url;
        this.user = user;
        this.password = password;
        this.dsl = dsl;
    }

    /**
     * The same pool and schema, with every statement run through {@link #dsl} also reported to {@code listener}:
     * lets a test see which thread runs each one. Closing either closes the pool.
     */
    public Database observedBy(ExecuteListener listener) {
        return new Database(embedded, pool, schema, url, user, password,
                dsl.configuration().derive(new DefaultExecuteListenerProvider(listener)).dsl());
    }

    /** Opens (and for embedded, starts) the database and brings its schema up to date. */
    public static Database open(DatabaseSettings settings) {
        EmbeddedServer embedded = null;
        String url;
        String user;
        String password;
        if (settings.embedded()) {
            embedded = EmbeddedServer.start(settings.embeddedDir());
            url = embedded.jdbcUrl();
            user = embedded.user();
            password = embedded.password();
        } else {
            url = settings.jdbcUrl();
            user = settings.user();
            password = settings.password();
        }
        try {
            HikariDataSource pool = pool(url, user, password, settings.schema());
            migrate(pool, settings.schema());
            LOG.info("database ready: {}", settings);
            return new Database(embedded, pool, settings.schema(), url, user, password);
        } catch (RuntimeException e) {
            closeQuietly(embedded);
            throw e;
        }
    }

    /** Opens a pool on an already running server (tests: one embedded server, one schema per test class). */
    public static Database attach(String jdbcUrl, String user, String password, String schema) {
        HikariDataSource pool = pool(jdbcUrl, user, password, schema);
        migrate(pool, schema);
        return new Database(null, pool, schema, jdbcUrl, user, password);
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

    /**
     * Whether the server answers a query within {@code timeout}, on a connection of its own: a pool busy with slow
     * work is a busy database, not a down one, so this never waits for a pooled connection.
     */
    public boolean isReachable(Duration timeout) {
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000));
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", Integer.toString(seconds));
        props.setProperty("socketTimeout", Integer.toString(seconds));
        props.setProperty("loginTimeout", Integer.toString(seconds));
        try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
            s.setQueryTimeout(seconds);
            return s.execute("SELECT 1");
        } catch (SQLException e) {
            LOG.debug("database not reachable: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        closeQuietly(embedded);
    }

    private static void closeQuietly(EmbeddedServer pg) {
        if (pg != null) {
            pg.close();
        }
    }
}
