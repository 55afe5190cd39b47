package io.switchboard.scheduling.database;

import io.switchboard.scheduling.background.RepeatingPass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Backups taken by the running server itself, so the embedded database is backed up without stopping it: every
 * {@code every}, a {@link DatabaseBackup} snapshot into {@code dir} named by the time it was taken, keeping the newest
 * {@code keep} and deleting older ones (only files this schedule names; anything else in the directory is left
 * alone).
 */
public final class BackupSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** The names this schedule writes; the timestamp sorts them oldest first. */
    static final Pattern NAME = Pattern.compile("switchboard-\\d{8}T\\d{6}Z\\.backup");

    private final Database database;
    private final Path dir;
    private final Duration every;
    private final int keep;
    private final Clock clock;
    private RepeatingPass scheduler;

    public BackupSchedule(Database database, Path dir, Duration every, int keep, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.dir = Objects.requireNonNull(dir, "dir");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (every.compareTo(Duration.ofMinutes(1)) < 0 || keep < 1) {
            throw new IllegalArgumentException("backups need an interval of a minute or more and keep at least 1");
        }
        this.every = every;
        this.keep = keep;
    }

    /** Takes the first backup one interval from now, then every interval, on a daemon thread of its own. */
    public synchronized BackupSchedule start() {
        if (scheduler != null) {
            throw new IllegalStateException("backups already scheduled");
        }
        // Logged loudly and retried next interval.
        scheduler = RepeatingPass.start("database-backup", every, every, this::runOnce,
                e -> LOG.error("scheduled backup failed: {}", e.toString()));
        return this;
    }

    /** Takes one backup now and prunes the old ones; returns the new file. */
    public synchronized Path runOnce() {
        Path file = dir.resolve("switchboard-" + STAMP.format(clock.instant()) + ".backup");
        DatabaseBackup.Summary summary = DatabaseBackup.write(database, file, clock);
        LOG.info("backup written: {} ({} rows)", file, summary.totalRows());
        prune();
        return file;
    }

    private void prune() {
        List<Path> ours;
        try (Stream<Path> files = Files.list(dir)) {
            ours = files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        for (Path old : ours.subList(0, Math.max(0, ours.size() - keep))) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                LOG.warn("cannot delete old backup {}: {}", old, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        RepeatingPass s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s != null) {
            s.close();
        }
    }
}
