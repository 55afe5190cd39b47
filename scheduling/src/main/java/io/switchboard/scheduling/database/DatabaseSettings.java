package io.switchboard.scheduling.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the database is: an external server from {@code DATABASE_URL}, or an embedded PostgreSQL whose data
 * directory lives under the Switchboard data directory so bookings survive restarts.
 *
 * @param jdbcUrl     external server, or null for embedded
 * @param user        external user (may be null when in the URL)
 * @param password    external password (may be null)
 * @param embeddedDir data directory for the embedded server
 * @param schema      schema to use (tests use one per class)
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, Path embeddedDir, String schema) {

    public DatabaseSettings {
        schema = schema == null || schema.isBlank() ? "public" : schema;
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("schema name must be a lower-case SQL identifier");
        }
    }

    public boolean embedded() {
        return jdbcUrl == null;
    }

    public static DatabaseSettings embedded(Path dataDir) {
        return new DatabaseSettings(null, null, null, Objects.requireNonNull(dataDir), "public");
    }

    public DatabaseSettings withSchema(String s) {
        return new DatabaseSettings(jdbcUrl, user, password, embeddedDir, s);
    }

    /**
     * Reads {@code DATABASE_URL} in either form: {@code postgres://user:pass@host:5432/db} (as hosting platforms
     * hand it out) or {@code jdbc:postgresql://host:5432/db?user=...}.
     */
    public static DatabaseSettings fromUrl(String databaseUrl, Path dataDir) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            return embedded(dataDir);
        }
        String url = databaseUrl.trim();
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseSettings(url, null, null, dataDir, "public");
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql:");
        }
        URI uri = URI.create(url);
        String user = null;
        String password = null;
        Optional<String> info = Optional.ofNullable(uri.getRawUserInfo());
        if (info.isPresent()) {
            String[] parts = info.get().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
        return new DatabaseSettings(jdbc, user, password, dataDir, "public");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // Never print the password.
        return embedded() ? "embedded PostgreSQL in " + embeddedDir + " (schema " + schema + ")"
                : jdbcUrl.replaceAll("password=[^&]*", "password=****") + " (schema " + schema + ")";
    }
}
