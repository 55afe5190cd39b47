package io.switchboard.scheduling.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A postmaster left running on our data directory by a Switchboard that died without stopping it ({@code kill -9},
 * OOM killer, power loss of the JVM only). Such a server still holds {@code postmaster.pid}, so the next start fails
 * until it is stopped.
 *
 * <p>It is only ever called while holding the data directory's {@link DataDirLock}: no live Switchboard owns this
 * directory then, so a postgres serving it is an orphan. Before signalling anything it checks that the pid in
 * {@code postmaster.pid} is alive, is a {@code postgres} executable, and was started on this very data directory
 * (its {@code -D} argument), so a recycled pid belonging to something else is never touched.
 */
final class OrphanedPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private final ProcessHandle process;
    private final Path dataDir;

    private OrphanedPostmaster(ProcessHandle process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
    }

    /** The orphan serving {@code dataDir}, if one is running. */
    static Optional<OrphanedPostmaster> find(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        }
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (pid <= 1 || pid == ProcessHandle.current().pid() || !sameDir(Path.of(lines.get(1).strip()), dataDir)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> isPostgresOn(p, dataDir))
                .map(p -> new OrphanedPostmaster(p, dataDir));
    }

    long pid() {
        return process.pid();
    }

    /**
     * Stops it: SIGTERM first (postgres's smart shutdown; its clients died with the JVM, so it ends promptly and
     * writes a clean checkpoint), and only if it is still running after {@code grace}, SIGKILL. Either way it then
     * waits for the server's own children, which would otherwise keep the shared memory the next start needs.
     *
     * @return true if it stopped
     */
    boolean stop(Duration grace) {
        List<ProcessHandle> children = process.descendants().toList();
        LOG.warn("stopping an orphaned PostgreSQL (pid {}) left running on {} by a previous run", process.pid(), dataDir);
        process.destroy();
        boolean stopped = waitFor(process, grace);
        if (!stopped) {
            LOG.warn("orphaned PostgreSQL (pid {}) ignored SIGTERM for {} s; killing it", process.pid(),
                    grace.toSeconds());
            process.destroyForcibly();
            stopped = waitFor(process, Duration.ofSeconds(5));
        }
        for (ProcessHandle child : children) {
            if (!waitFor(child, Duration.ofSeconds(5))) {
                child.destroyForcibly();
                waitFor(child, Duration.ofSeconds(2));
            }
        }
        return stopped;
    }

    private static boolean waitFor(ProcessHandle p, Duration timeout) {
        try {
            p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !p.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    private static boolean isPostgresOn(ProcessHandle p, Path dataDir) {
        ProcessHandle.Info info = p.info();
        Optional<String> command = info.command();
        if (command.isEmpty() || !Path.of(command.get()).getFileName().toString().equals("postgres")) {
            return false;
        }
        // pg_ctl starts it as "postgres -D <dir> ..."; without readable arguments we cannot be sure, so leave it be.
        String[] args = info.arguments().orElse(new String[0]);
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("-D") && sameDir(Path.of(args[i + 1]), dataDir)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameDir(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
