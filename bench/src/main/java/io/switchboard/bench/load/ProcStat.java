package io.switchboard.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says about one process: CPU time from {@code /proc/<pid>/stat} and resident memory from
 * {@code /proc/<pid>/status}.
 */
public final class ProcStat {

    private final Path dir;

    public ProcStat(Path procRoot, long pid) {
        this.dir = procRoot.resolve(Long.toString(pid));
    }

    /** The process {@code pid} in {@code /proc}. */
    public static ProcStat of(long pid) {
        return new ProcStat(Path.of("/proc"), pid);
    }

    /** User plus system CPU time so far, in clock ticks. */
    public long cpuTicks() throws IOException {
        return cpuTicks(Files.readString(dir.resolve("stat")));
    }

    /** Resident set size, in KiB. */
    public long rssKib() throws IOException {
        return rssKib(Files.readString(dir.resolve("status")));
    }

    /**
     * utime + stime (fields 14 and 15) of a {@code /proc/<pid>/stat} line. The command name (field 2) is in
     * parentheses and may itself contain spaces and parentheses, so fields are counted from the last ')'.
     */
    static long cpuTicks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line");
        }
        String[] rest = statLine.substring(close + 1).trim().split("\\s+");
        // rest[0] is field 3 (state): utime is field 14, stime field 15.
        if (rest.length < 13) {
            throw new IllegalArgumentException("truncated /proc/<pid>/stat line");
        }
        return Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
    }

    /** The {@code VmRSS:} value of a {@code /proc/<pid>/status} text, in KiB. */
    static long rssKib(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        throw new IllegalArgumentException("no VmRSS in /proc/<pid>/status (a kernel thread or a zombie?)");
    }
}
