package io.switchboard.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A small self-contained SVG line chart: numeric x axis, one or more series, axes with ticks, a legend. */
final class SvgLineChart {

    private static final int WIDTH = 460;
    private static final int HEIGHT = 280;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int BOTTOM = 44;
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#d62728", "#2ca02c", "#9467bd"};

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private double yFloorMax;

    SvgLineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a line; NaN points are skipped. */
    SvgLineChart line(String name, double[] xs, double[] ys) {
        series.add(new Series(name, xs.clone(), ys.clone()));
        return this;
    }

    /** Makes the y axis reach at least {@code value} (a reference such as 100% or the core count). */
    SvgLineChart yAtLeast(double value) {
        yFloorMax = Math.max(yFloorMax, value);
        return this;
    }

    String render() {
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMax = yFloorMax;
        for (Series s : series) {
            for (int i = 0; i < s.xs.length; i++) {
                xMin = Math.min(xMin, s.xs[i]);
                xMax = Math.max(xMax, s.xs[i]);
                if (!Double.isNaN(s.ys[i])) {
                    yMax = Math.max(yMax, s.ys[i]);
                }
            }
        }
        if (xMin > xMax) {
            xMin = 0;
            xMax = 1;
        }
        if (xMax == xMin) {
            xMax = xMin + 1;
        }
        double yTop = niceCeiling(yMax <= 0 ? 1 : yMax * 1.08);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        for (int i = 0; i <= 5; i++) {
            double v = yTop * i / 5;
            double y = TOP + plotH - plotH * i / 5.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, LEFT + plotW, y, y, LEFT - 4,
                    y + 4, label(v)));
        }
        List<Double> xTicks = new ArrayList<>();
        for (Series s : series) {
            for (double x : s.xs) {
                if (!xTicks.contains(x)) {
                    xTicks.add(x);
                }
            }
        }
        for (double x : xTicks) {
            double px = LEFT + plotW * (x - xMin) / (xMax - xMin);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, px, TOP + plotH,
                    TOP + plotH + 4, px, TOP + plotH + 16, label(x)));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#444\"/>%n", LEFT, TOP, plotW, plotH));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotW / 2, HEIGHT - 8, escape(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(14,%d) rotate(-90)\" text-anchor=\"middle\">"
                + "%s</text>%n", TOP + plotH / 2, escape(yLabel)));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            String colour = COLOURS[k % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.xs.length; i++) {
                if (Double.isNaN(s.ys[i])) {
                    continue;
                }
                double px = LEFT + plotW * (s.xs[i] - xMin) / (xMax - xMin);
                double py = TOP + plotH - plotH * s.ys[i] / yTop;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\">"
                        + "<title>%s: %s</title></circle>%n", px, py, colour, escape(s.name), label(s.ys[i])));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\""
                    + " points=\"%s\"/>%n", colour, points.toString().trim()));
            int lx = LEFT + 8 + k * 100;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", lx, TOP + 6, colour, lx + 14, TOP + 15, escape(s.name)));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private record Series(String name, double[] xs, double[] ys) {
    }
}
