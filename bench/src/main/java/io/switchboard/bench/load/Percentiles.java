package io.switchboard.bench.load;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles: the smallest value with at least p% of the values at or below it. */
public final class Percentiles {

    private final double[] sorted;

    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    /** Over {@code values}; NaNs are left out. */
    public static Percentiles of(Collection<Double> values) {
        return new Percentiles(values.stream().filter(v -> v != null && !v.isNaN())
                .mapToDouble(Double::doubleValue).sorted().toArray());
    }

    public static Percentiles of(double... values) {
        double[] copy = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    /**
     * The {@code p}th percentile (0 &lt; p &le; 100); NaN when there are no values.
     */
    public double at(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public int count() {
        return sorted.length;
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }
}
