package io.switchboard.server;

import io.switchboard.dialog.session.SessionStores;
import io.switchboard.models.settings.DataDir;
import io.switchboard.models.settings.SettingsException;
import io.switchboard.models.settings.SettingsFields;
import io.switchboard.models.settings.SettingsSource;
import io.switchboard.scheduling.database.DatabaseSettings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own part of the {@link Settings}: where the profile is, where to listen, which clock, where data
 * lives, which database, how long a conversation lasts. Every bad value is reported, not only the first.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>Variable</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code SWITCHBOARD_BUSINESS}</td><td>the bundled Bristol Plumbing sample</td>
 *       <td>path of the business profile YAML</td></tr>
 *   <tr><td>{@code SWITCHBOARD_HTTP_HOST}</td><td>{@code 0.0.0.0}</td><td>interface for the HTTP API and webhooks</td></tr>
 *   <tr><td>{@code SWITCHBOARD_HTTP_PORT}</td><td>{@code 8080}</td><td>port for the HTTP API and webhooks
 *       ({@code 0}: any free port)</td></tr>
 *   <tr><td>{@code SWITCHBOARD_NOW}</td><td>real time</td><td>local date-time in the business timezone to start the
 *       clock at ({@code 2026-11-23T09:00}); it then ticks, for demos and tests</td></tr>
 *   <tr><td>{@code SWITCHBOARD_DATA_DIR}</td><td>{@code ./data}</td><td>where the embedded PostgreSQL keeps its
 *       data ({@code <dir>/postgres}), surviving restarts</td></tr>
 *   <tr><td>{@code DATABASE_URL}</td><td>embedded PostgreSQL</td><td>external PostgreSQL, as
 *       {@code postgres://user:pass@host:5432/db} or {@code jdbc:postgresql://...}</td></tr>
 *   <tr><td>{@code SWITCHBOARD_SESSION_TIMEOUT}</td><td>{@code 15m}</td><td>a conversation is forgotten after this
 *       long without a message ({@code 90s}, {@code 15m}, {@code 1h}, or ISO-8601 {@code PT15M})</td></tr>
 * </table>
 *
 * @param businessProfile the profile file, or empty for the bundled sample
 * @param httpHost        interface to bind
 * @param httpPort        port to bind, 0 to 65535
 * @param now             the local date-time the clock starts at, or empty for real time
 * @param dataDir         Switchboard's data directory
 * @param databaseUrl     external database, or empty for embedded
 * @param sessionTimeout  inactivity timeout of a conversation
 */
public record ServerConfig(Optional<Path> businessProfile, String httpHost, int httpPort,
                           Optional<LocalDateTime> now, Path dataDir, Optional<String> databaseUrl,
                           Duration sessionTimeout) {

    public static final String CONFIG = SettingsFile.VARIABLE;
    public static final String BUSINESS = "SWITCHBOARD_BUSINESS";
    public static final String HTTP_HOST = "SWITCHBOARD_HTTP_HOST";
    public static final String HTTP_PORT = "SWITCHBOARD_HTTP_PORT";
    public static final String NOW = "SWITCHBOARD_NOW";
    public static final String DATA_DIR = DataDir.VARIABLE;
    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String REDIS_URL = SessionStores.REDIS_URL;
    public static final String SESSION_TIMEOUT = "SWITCHBOARD_SESSION_TIMEOUT";

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(15);

    private static final Pattern SHORT_DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]]+");

    public ServerConfig {
        Objects.requireNonNull(businessProfile, "businessProfile");
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
    }

    /**
     * Reads the server's variables from {@code source}, the data directory among them.
     *
     * @throws ConfigException listing every variable whose value is unusable
     */
    public static ServerConfig from(SettingsSource source) {
        SettingsFields fields = new SettingsFields();
        DataDir dataDir = fields.read(DATA_DIR, DataDir.DEFAULT, () -> DataDir.from(source));
        return from(source, dataDir, fields);
    }

    /**
     * Reads the server's variables from {@code source}, in the data directory the settings tree has read.
     *
     * @throws ConfigException listing every variable whose value is unusable
     */
    public static ServerConfig from(SettingsSource source, DataDir dataDir) {
        return from(source, dataDir, new SettingsFields());
    }

    private static ServerConfig from(SettingsSource source, DataDir dataDir, SettingsFields fields) {
        Optional<Path> business = fields.read(BUSINESS, Optional.empty(),
                () -> source.value(BUSINESS).map(v -> path(BUSINESS, v)));
        String host = source.value(HTTP_HOST).orElse(DEFAULT_HOST);
        if (!HOST.matcher(host).matches()) {
            fields.add(HTTP_HOST, "'" + host + "' is not a host name or IP address");
        }
        int port = fields.read(HTTP_PORT, DEFAULT_PORT, () -> port(source.value(HTTP_PORT).orElse(null)));
        Optional<LocalDateTime> now = fields.read(NOW, Optional.empty(),
                () -> source.value(NOW).map(ServerConfig::localDateTime));
        Optional<String> database = source.value(DATABASE_URL);
        Duration timeout = fields.read(SESSION_TIMEOUT, DEFAULT_SESSION_TIMEOUT,
                () -> source.value(SESSION_TIMEOUT).map(ServerConfig::duration).orElse(DEFAULT_SESSION_TIMEOUT));
        ServerConfig config = new ServerConfig(business, host, port, now, dataDir.path(), database, timeout);
        fields.read(DATABASE_URL, null, config::databaseSettings);
        try {
            fields.check();
        } catch (SettingsException e) {
            throw new ConfigException(e);
        }
        return config;
    }

    /** The database to open: {@code DATABASE_URL}, or embedded under {@link #postgresDir()}. */
    public DatabaseSettings databaseSettings() {
        try {
            return DatabaseSettings.fromUrl(databaseUrl.orElse(null), postgresDir());
        } catch (IllegalArgumentException e) {
            // The message of fromUrl never repeats the URL, which may hold a password.
            throw new ConfigException(DATABASE_URL, e.getMessage() == null ? "not a PostgreSQL URL" : e.getMessage());
        }
    }

    /**
     * The clock the server runs on, in the business's timezone: the system clock, or with {@code SWITCHBOARD_NOW}
     * the system clock shifted so it reads that local time now and ticks on from there.
     */
    public Clock clock(ZoneId businessZone) {
        return clock(businessZone, Clock.systemUTC());
    }

    Clock clock(ZoneId businessZone, Clock system) {
        Clock base = system.withZone(businessZone);
        return now.map(start -> Clock.offset(base, Duration.between(base.instant(), start.atZone(businessZone).toInstant())))
                .orElse(base);
    }

    /** Where the embedded PostgreSQL keeps its files. */
    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    @Override
    public String toString() {
        // URLs may carry passwords and the environment API keys: say only whether they are set.
        return "ServerConfig[business=" + businessProfile.map(Path::toString).orElse("(sample)")
                + ", http=" + httpHost + ":" + httpPort
                + ", now=" + now.map(LocalDateTime::toString).orElse("(real time)")
                + ", dataDir=" + dataDir
                + ", database=" + (databaseUrl.isPresent() ? "external" : "embedded")
                + ", sessionTimeout=" + sessionTimeout + "]";
    }

    private static int port(String value) {
        if (value == null) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw new ConfigException(HTTP_PORT, "'" + value + "' is not a port number (0 to 65535)");
    }

    private static LocalDateTime localDateTime(String value) {
        String v = value.trim();
        // "2026-11-23 09:00" is how people type it; ISO wants the T.
        if (v.length() > 10 && v.charAt(10) == ' ') {
            v = v.substring(0, 10) + 'T' + v.substring(11);
        }
        try {
            return LocalDateTime.parse(v);
        } catch (DateTimeException e) {
            throw new ConfigException(NOW, "'" + value + "' is not a local date-time like 2026-11-23T09:00");
        }
    }

    private static Duration duration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Duration d = null;
        if (v.startsWith("pt")) {
            try {
                d = Duration.parse(v);
            } catch (DateTimeException ignored) {
                // reported below
            }
        } else {
            Matcher m = SHORT_DURATION.matcher(v);
            if (!v.isEmpty() && m.matches()) {
                try {
                    d = Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2)))
                            .plusSeconds(number(m.group(3)));
                } catch (ArithmeticException | NumberFormatException ignored) {
                    // absurdly large: reported below
                }
            }
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigException(SESSION_TIMEOUT, "'" + value + "' is not a positive duration like 90s, 15m or 1h");
        }
        return d;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static Path path(String variable, String value) {
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new ConfigException(variable, "'" + value + "' is not a usable path");
        }
    }

}
