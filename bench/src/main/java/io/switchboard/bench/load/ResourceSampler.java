package io.switchboard.bench.load;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples one process's CPU time and resident memory every half second while a load level runs: average and peak
 * CPU (as % of one core) and peak RSS.
 */
final class ResourceSampler implements AutoCloseable {

    private static final long PERIOD_MS = 500;

    private final ProcStat process;
    private final double ticksPerSecond;
    private final ScheduledExecutorService timer;
    private final long firstTicks;
    private final long firstNanos;
    // Guarded by this.
    private long lastTicks;
    private long lastNanos;
    private double peakCpuPercent;
    private long peakRssKib;
    private String error;

    private ResourceSampler(ProcStat process, double ticksPerSecond) throws IOException {
        this.process = process;
        this.ticksPerSecond = ticksPerSecond;
        this.firstTicks = process.cpuTicks();
        this.firstNanos = System.nanoTime();
        this.lastTicks = firstTicks;
        this.lastNanos = firstNanos;
        this.peakRssKib = process.rssKib();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "resource-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sample, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    static ResourceSampler start(ProcStat process, double ticksPerSecond) throws IOException {
        return new ResourceSampler(process, ticksPerSecond);
    }

    private synchronized void sample() {
        try {
            long ticks = process.cpuTicks();
            long now = System.nanoTime();
            double percent = percent(ticks - lastTicks, now - lastNanos);
            // Half-second windows at 100 ticks/s are coarse; a peak over at least a second is steadier.
            if (now - lastNanos >= 900_000_000L) {
                peakCpuPercent = Math.max(peakCpuPercent, percent);
                lastTicks = ticks;
                lastNanos = now;
            }
            peakRssKib = Math.max(peakRssKib, process.rssKib());
        } catch (IOException | RuntimeException e) {
            error = e.toString();
        }
    }

    private double percent(long ticks, long nanos) {
        return nanos <= 0 ? 0 : ticks / ticksPerSecond / (nanos / 1e9) * 100;
    }

    /** Stops sampling and returns what was seen. */
    synchronized Usage finish() throws IOException {
        timer.shutdownNow();
        long ticks = process.cpuTicks();
        long now = System.nanoTime();
        peakRssKib = Math.max(peakRssKib, process.rssKib());
        if (error != null) {
            throw new IOException("sampling failed: " + error);
        }
        return new Usage(percent(ticks - firstTicks, now - firstNanos), peakCpuPercent, peakRssKib);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /**
     * @param avgCpuPercent  CPU over the whole level, % of one core (200 = both cores of a 2-core machine)
     * @param peakCpuPercent highest over any ~1 s window, % of one core
     * @param peakRssKib     highest resident set size seen, KiB
     */
    record Usage(double avgCpuPercent, double peakCpuPercent, long peakRssKib) {
    }

    /** Clock ticks per second ({@code getconf CLK_TCK}), 100 when it cannot be asked (Linux's USER_HZ). */
    static double clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Double.parseDouble(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
