package io.switchboard.bench.load;

import java.util.List;
import java.util.Locale;

/** One self-contained HTML page (inline SVG, no scripts, no external files): the charts, the table, the machine. */
final class HtmlReport {

    private HtmlReport() {
    }

    /**
     * The charts on one standalone SVG sheet (latency, false cut-offs, right bookings, CPU of server and callers,
     * recognition queue wait, memory), for a README or a browser without the page.
     */
    static String sheet(List<LevelResult> levels) {
        List<String> charts = charts(levels);
        int columns = 2;
        int rows = (charts.size() + columns - 1) / columns;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">%n", columns * 470,
                rows * 290));
        for (int i = 0; i < charts.size(); i++) {
            String at = String.format(Locale.ROOT, "<svg x=\"%d\" y=\"%d\" ", (i % columns) * 470, (i / columns) * 290);
            svg.append(charts.get(i).replaceFirst("<svg xmlns=\"http://www.w3.org/2000/svg\" ", at)).append('\n');
        }
        return svg.append("</svg>\n").toString();
    }

    private static List<String> charts(List<LevelResult> levels) {
        double[] x = levels.stream().mapToDouble(LevelResult::callers).toArray();
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> charts = new java.util.ArrayList<>();
        charts.add(new SvgLineChart("Turn latency (caller's view)", "simultaneous callers", "ms")
                .line("p50", x, of(levels, LevelResult::p50)).line("p95", x, of(levels, LevelResult::p95))
                .line("p99", x, of(levels, LevelResult::p99)).render());
        charts.add(new SvgLineChart("False cut-offs and right bookings", "simultaneous callers", "%")
                .line("lines cut off", x, of(levels, r -> r.cutOffShare() * 100))
                .line("calls booked right", x, of(levels, r -> r.rightShare() * 100)).yAtLeast(100).render());
        charts.add(new SvgLineChart("CPU (% of one core; " + cores + " cores = " + cores * 100 + "%)",
                "simultaneous callers", "% of one core").line("server avg", x, of(levels, LevelResult::serverCpuAvg))
                .line("server peak 1 s", x, of(levels, LevelResult::serverCpuPeak))
                .line("callers avg", x, of(levels, LevelResult::clientCpuAvg))
                .line("callers peak 1 s", x, of(levels, LevelResult::clientCpuPeak)).yAtLeast(cores * 100).render());
        SvgLineChart waits = new SvgLineChart("Recognition queue wait, p95 (bucket bound)", "simultaneous callers",
                "ms");
        for (String p : QueueWaits.PRIORITIES) {
            waits.line(p, x, of(levels, r -> r.queueWait(p).p95()));
        }
        charts.add(waits.render());
        charts.add(new SvgLineChart("Server resident memory (peak)", "simultaneous callers", "MiB")
                .line("VmRSS", x, of(levels, LevelResult::serverRssMib)).render());
        return charts;
    }

    private static double[] of(List<LevelResult> levels, java.util.function.ToDoubleFunction<LevelResult> f) {
        return levels.stream().mapToDouble(f).map(v -> Double.isInfinite(v) ? Double.NaN : v).toArray();
    }

    static String render(List<LevelResult> levels, List<String> about) {
        double[] x = levels.stream().mapToDouble(LevelResult::callers).toArray();
        double[] stt = levels.stream().mapToDouble(LevelResult::serverSttP50).toArray();
        double[] dialog = levels.stream().mapToDouble(LevelResult::serverDialogP50).toArray();
        double[] tts = levels.stream().mapToDouble(LevelResult::serverTtsP50).toArray();
        int cores = Runtime.getRuntime().availableProcessors();

        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Switchboard load test</title><style>body{font-family:sans-serif;margin:24px;max-width:1000px}"
                + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #bbb;padding:3px 7px;"
                + "text-align:right}th{background:#eee}.charts svg{margin:6px}</style></head><body>\n");
        html.append("<h1>Switchboard: simultaneous callers</h1>\n<p>Scripted callers book a repair by voice over the"
                + " Twilio Media Streams protocol on loopback, with pre-rendered synthetic caller audio (espeak-ng where"
                + " installed, else MaryTTS with audio effects) paced in real time."
                + " Turn latency is measured by the caller: from sending its last voiced 20 ms frame to receiving the"
                + " first reply frame.</p>\n<div class=\"charts\">\n");
        charts(levels).forEach(html::append);
        html.append(new SvgLineChart("Server stages, median (server log)", "simultaneous callers", "ms")
                .line("stt", x, stt).line("dialog", x, dialog).line("tts", x, tts).render());
        html.append("</div>\n<h2>Results</h2>\n<table>\n<tr><th>callers</th><th>calls</th><th>right booking</th>"
                + "<th>turns</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th><th>server CPU avg %</th>"
                + "<th>server CPU peak %</th><th>server RSS MiB</th><th>client CPU %</th><th>double bookings</th><th>slot races lost</th>"
                + "<th>server stt p50/p95</th><th>dialog p50/p95</th><th>tts p50/p95</th><th>false cut-offs</th>"
                + "<th>stt queue wait p95 ms: final / speculative / feed</th></tr>\n");
        for (LevelResult r : levels) {
            html.append("<tr><td>").append(r.callers()).append("</td><td>").append(r.calls()).append("</td><td>")
                    .append(r.rightBookings()).append('/').append(r.calls())
                    .append(String.format(Locale.ROOT, " (%.0f%%)", r.rightShare() * 100)).append("</td><td>")
                    .append(r.turns()).append("</td>");
            for (double v : new double[]{r.p50(), r.p95(), r.p99(), r.max(), r.serverCpuAvg(), r.serverCpuPeak(),
                    r.serverRssMib(), r.clientCpuAvg()}) {
                html.append("<td>").append(CsvReport.number(v)).append("</td>");
            }
            html.append("<td>").append(r.doubleBookings()).append("</td><td>")
                    .append(r.slotRacesLost() < 0 ? "" : Integer.toString(r.slotRacesLost())).append("</td>");
            html.append("<td>").append(pair(r.serverSttP50(), r.serverSttP95())).append("</td><td>")
                    .append(pair(r.serverDialogP50(), r.serverDialogP95())).append("</td><td>")
                    .append(pair(r.serverTtsP50(), r.serverTtsP95())).append("</td><td>")
                    .append(r.falseCutOffs()).append('/').append(r.turns()).append("</td><td>")
                    .append(CsvReport.number(r.queueWait("final").p95())).append(" / ")
                    .append(CsvReport.number(r.queueWait("speculative").p95())).append(" / ")
                    .append(CsvReport.number(r.queueWait("feed").p95())).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Run</h2>\n<ul>\n");
        for (String line : about) {
            html.append("<li>").append(SvgLineChart.escape(line)).append("</li>\n");
        }
        html.append("</ul>\n</body></html>\n");
        return html.toString();
    }

    private static String pair(double a, double b) {
        return CsvReport.number(a) + " / " + CsvReport.number(b);
    }
}
