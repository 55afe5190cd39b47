package io.switchboard.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's recognition queue wait ({@code switchboard_stt_queue_wait_seconds}, a Prometheus histogram per
 * priority) read from two scrapes of {@code /metrics}, before and after a level: what the level itself added.
 * Percentiles are bucket upper bounds (the histogram keeps no finer detail), the mean is exact.
 */
final class QueueWaits {

    static final String METRIC = "switchboard_stt_queue_wait_seconds";
    static final List<String> PRIORITIES = List.of("final", "speculative", "feed");
    private static final Pattern BUCKET = Pattern.compile(
            "^" + METRIC + "_bucket\\{([^}]*)\\}\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("^" + METRIC + "_(count|sum)\\{([^}]*)\\}\\s+(\\S+)");
    private static final Pattern PRIORITY = Pattern.compile("priority=\"([^\"]+)\"");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    /** One priority's histogram: cumulative counts by upper bound (seconds), and the totals. */
    record Histogram(TreeMap<Double, Double> cumulative, double count, double sumSeconds) {

        Histogram minus(Histogram earlier) {
            TreeMap<Double, Double> out = new TreeMap<>();
            cumulative.forEach((le, n) -> out.put(le, n - earlier.cumulative.getOrDefault(le, 0.0)));
            return new Histogram(out, count - earlier.count, sumSeconds - earlier.sumSeconds);
        }

        /** The upper bound (ms) of the bucket holding the {@code p}th percentile; NaN without samples. */
        double percentileMillis(double p) {
            if (count <= 0) {
                return Double.NaN;
            }
            double rank = Math.ceil(p / 100.0 * count);
            for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
                if (e.getValue() >= rank) {
                    return e.getKey() * 1000;
                }
            }
            return Double.POSITIVE_INFINITY;
        }

        double meanMillis() {
            return count <= 0 ? Double.NaN : sumSeconds / count * 1000;
        }
    }

    /**
     * A level's queue wait for one priority, ms.
     *
     * @param count how many times work waited
     */
    record Wait(double count, double mean, double p50, double p95, double p99) {
        static final Wait NONE = new Wait(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private QueueWaits() {
    }

    /** The histograms in a Prometheus text scrape, by priority; empty when the server has no such metric. */
    static Map<String, Histogram> parse(String scrape) {
        Map<String, TreeMap<Double, Double>> buckets = new LinkedHashMap<>();
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (String line : scrape.split("\n")) {
            Matcher b = BUCKET.matcher(line);
            if (b.find()) {
                String priority = label(PRIORITY, b.group(1));
                String le = label(LE, b.group(1));
                if (priority != null && le != null) {
                    double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                    buckets.computeIfAbsent(priority, k -> new TreeMap<>()).put(bound, Double.parseDouble(b.group(2)));
                }
                continue;
            }
            Matcher t = TOTAL.matcher(line);
            if (t.find()) {
                String priority = label(PRIORITY, t.group(2));
                if (priority != null) {
                    totals.computeIfAbsent(priority, k -> new double[2])[t.group(1).equals("count") ? 0 : 1] =
                            Double.parseDouble(t.group(3));
                }
            }
        }
        Map<String, Histogram> out = new LinkedHashMap<>();
        buckets.forEach((p, b) -> {
            double[] tot = totals.getOrDefault(p, new double[2]);
            out.put(p, new Histogram(b, tot[0], tot[1]));
        });
        return out;
    }

    /** What happened between two scrapes, per priority of {@link #PRIORITIES}. */
    static Map<String, Wait> between(Map<String, Histogram> before, Map<String, Histogram> after) {
        Map<String, Wait> out = new LinkedHashMap<>();
        for (String p : PRIORITIES) {
            Histogram a = after.get(p);
            if (a == null) {
                out.put(p, Wait.NONE);
                continue;
            }
            Histogram d = before.containsKey(p) ? a.minus(before.get(p)) : a;
            out.put(p, new Wait(d.count(), d.meanMillis(), d.percentileMillis(50), d.percentileMillis(95),
                    d.percentileMillis(99)));
        }
        return out;
    }

    /** "final 2.1/5/10 speculative ... feed ..." (mean/p95/p99 ms) for the console. */
    static String describe(Map<String, Wait> waits) {
        List<String> parts = new ArrayList<>();
        waits.forEach((p, w) -> parts.add(String.format(Locale.ROOT, "%s mean %s p95 %s", p,
                CsvReport.number(w.mean()), CsvReport.number(w.p95()))));
        return String.join(", ", parts);
    }

    private static String label(Pattern pattern, String labels) {
        Matcher m = pattern.matcher(labels);
        return m.find() ? m.group(1) : null;
    }
}
