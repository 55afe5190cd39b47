package io.switchboard.scheduling.database;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A logical backup of Switchboard's schema that needs no {@code pg_dump} (the embedded PostgreSQL ships without
 * one): every table's rows as CSV ({@code COPY ... TO STDOUT}), taken in one repeatable-read transaction so the
 * file is a consistent snapshot even while the server is taking bookings, plus a manifest with the schema version.
 *
 * <p>{@link #restore} loads such a file into an empty, freshly migrated database of the same schema version, in
 * foreign-key order, in one transaction, and moves every sequence past the restored ids. The database's own
 * constraints (no overlapping bookings, the daily cap) check the rows as they go in.
 */
public final class DatabaseBackup {

    /** Written first in every file; a file without it is not a Switchboard backup. */
    static final String FORMAT = "switchboard-backup/1";
    static final String MANIFEST = "manifest.properties";
    private static final String HISTORY = "flyway_schema_history";

    private DatabaseBackup() {
    }

    /**
     * Writes a backup of {@code db} to {@code file} (replaced atomically: a failed backup never leaves a partial
     * file under that name).
     */
    public static Summary write(Database db, Path file, Clock clock) {
        Path absolute = file.toAbsolutePath();
        Path temp = null;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                String version = schemaVersion(c, db.schema());
                List<String> tables = tablesInLoadOrder(c, db.schema());
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                Files.createDirectories(absolute.getParent());
                temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".partial");
                Map<String, Long> rows = new LinkedHashMap<>();
                Properties manifest = new Properties();
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
                    for (String table : tables) {
                        List<String> columns = columns(c, db.schema(), table);
                        manifest.setProperty("columns." + table, String.join(",", columns));
                        zip.putNextEntry(new ZipEntry(dataEntry(table)));
                        long n = copy.copyOut("COPY " + qualified(db.schema(), table) + " (" + String.join(", ", columns)
                                + ") TO STDOUT WITH (FORMAT csv)", unclosable(zip));
                        zip.closeEntry();
                        rows.put(table, n);
                        manifest.setProperty("rows." + table, Long.toString(n));
                    }
                    manifest.setProperty("format", FORMAT);
                    manifest.setProperty("schema_version", version);
                    manifest.setProperty("tables", String.join(",", tables));
                    manifest.setProperty("created_at", clock.instant().toString());
                    zip.putNextEntry(new ZipEntry(MANIFEST));
                    StringWriter text = new StringWriter();
                    manifest.store(text, "Switchboard database backup");
                    zip.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                c.commit();
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Summary(version, rows);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new BackupException("backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup to " + absolute, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Loads {@code file} into {@code db}, which must be empty and at the backup's schema version.
     *
     * @throws BackupException when the file is not a backup, is of another schema version, or the database is not
     *                         empty; nothing is changed then
     */
    public static Summary restore(Database db, Path file) {
        try (ZipFile zip = new ZipFile(file.toFile()); Connection c = db.dataSource().getConnection()) {
            Properties manifest = manifest(zip, file);
            String version = manifest.getProperty("schema_version", "");
            String current = schemaVersion(c, db.schema());
            if (!version.equals(current)) {
                throw new BackupException("the backup is of schema version " + version + " but this Switchboard's is "
                        + current + ": restore it with the release that made it, then upgrade");
            }
            List<String> tables = List.of(manifest.getProperty("tables", "").split(","));
            Set<String> present = new LinkedHashSet<>(tablesInLoadOrder(c, db.schema()));
            c.setAutoCommit(false);
            try {
                Map<String, Long> rows = new LinkedHashMap<>();
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (String table : tables) {
                    if (!present.contains(table)) {
                        throw new BackupException("the backup has a table '" + table + "' this database lacks");
                    }
                    long existing = count(c, db.schema(), table);
                    if (existing > 0) {
                        throw new BackupException("restore needs an empty database, but " + table + " has "
                                + existing + " rows: use a fresh SWITCHBOARD_DATA_DIR or database");
                    }
                    ZipEntry entry = zip.getEntry(dataEntry(table));
                    if (entry == null) {
                        throw new BackupException("the backup lacks the rows of " + table);
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        long n = copy.copyIn("COPY " + qualified(db.schema(), table) + " ("
                                + manifest.getProperty("columns." + table) + ") FROM STDIN WITH (FORMAT csv)", in);
                        if (n != Long.parseLong(manifest.getProperty("rows." + table, "-1"))) {
                            throw new BackupException(table + ": the backup lists "
                                    + manifest.getProperty("rows." + table) + " rows but holds " + n);
                        }
                        rows.put(table, n);
                    }
                }
                advanceSequences(c, db.schema());
                c.commit();
                return new Summary(version, rows);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new BackupException("restore failed, nothing was changed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupException("cannot read " + file + " as a Switchboard backup: " + e.getMessage(), e);
        }
    }

    private static Properties manifest(ZipFile zip, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new BackupException(file + " is not a Switchboard backup (no " + MANIFEST + ")");
        }
        Properties manifest = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            manifest.load(new StringReader(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw new BackupException(file + " is in format '" + manifest.getProperty("format")
                    + "', this Switchboard reads " + FORMAT);
        }
        return manifest;
    }

    private static String schemaVersion(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT version FROM "
                + qualified(schema, HISTORY) + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (r.next()) {
                versions.add(r.getString(1));
            }
            if (versions.isEmpty()) {
                throw new BackupException("the database has no migrated schema");
            }
            return versions.getLast();
        }
    }

    /** The schema's tables (Flyway's history aside), each after the tables its foreign keys point to. */
    static List<String> tablesInLoadOrder(Connection c, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_type = 'BASE TABLE' AND table_name <> ? ORDER BY table_name")) {
            s.setString(1, schema);
            s.setString(2, HISTORY);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
        }
        Map<String, Set<String>> references = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT t.relname, f.relname FROM pg_constraint k"
                + " JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class f ON f.oid = k.confrelid"
                + " JOIN pg_namespace n ON n.oid = k.connamespace WHERE k.contype = 'f' AND n.nspname = ?")) {
            s.setString(1, schema);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (!r.getString(1).equals(r.getString(2))) {
                        references.computeIfAbsent(r.getString(1), k -> new LinkedHashSet<>()).add(r.getString(2));
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < tables.size()) {
            String next = tables.stream().filter(t -> !ordered.contains(t))
                    .filter(t -> ordered.containsAll(references.getOrDefault(t, Set.of()).stream()
                            .filter(tables::contains).toList()))
                    .min(Comparator.naturalOrder())
                    .orElseThrow(() -> new BackupException("foreign keys form a cycle among " + tables));
            ordered.add(next);
        }
        return ordered;
    }

    private static List<String> columns(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            s.setString(1, schema);
            s.setString(2, table);
            List<String> columns = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    columns.add(quoted(r.getString(1)));
                }
            }
            return columns;
        }
    }

    /** Every serial or identity column's sequence continues after the highest restored value. */
    private static void advanceSequences(Connection c, String schema) throws SQLException {
        List<String[]> serials = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')")) {
            s.setString(1, schema);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    serials.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        for (String[] serial : serials) {
            String table = qualified(schema, serial[0]);
            String column = quoted(serial[1]);
            try (PreparedStatement s = c.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?),"
                    + " COALESCE((SELECT MAX(" + column + ") FROM " + table + "), 0) + 1, false)")) {
                s.setString(1, table);
                s.setString(2, serial[1]);
                s.execute();
            }
        }
    }

    private static long count(Connection c, String schema, String table) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + qualified(schema, table))) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String dataEntry(String table) {
        return "data/" + table + ".csv";
    }

    private static String qualified(String schema, String table) {
        return quoted(schema) + "." + quoted(table);
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** COPY closes the stream it is given; the zip must stay open for the next entry. */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a stray .partial file is harmless and says what happened
        }
    }

    /**
     * @param schemaVersion the Flyway version the rows belong to
     * @param rows          rows per table, in load order
     */
    public record Summary(String schemaVersion, Map<String, Long> rows) {

        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A backup that cannot be written or restored, with a message for the operator. */
    public static final class BackupException extends RuntimeException {

        public BackupException(String message) {
            super(message);
        }

        public BackupException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
