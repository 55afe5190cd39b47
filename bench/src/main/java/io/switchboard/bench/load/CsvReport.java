package io.switchboard.bench.load;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** The load results as CSV, one row per level, numbers with a dot and one decimal, empty where not measured. */
final class CsvReport {

    static final String HEADER = "callers,calls,conversations_completed,right_bookings,right_share,turns,"
            + "turn_p50_ms,turn_p95_ms,turn_p99_ms,turn_max_ms,server_cpu_avg_pct,server_cpu_peak_pct,server_rss_mib,"
            + "client_cpu_avg_pct,double_bookings,slot_races_lost,server_stt_p50_ms,server_stt_p95_ms,server_dialog_p50_ms,"
            + "server_dialog_p95_ms,server_tts_p50_ms,server_tts_p95_ms,server_total_p50_ms,server_total_p95_ms,"
            + "level_seconds,false_cut_offs,false_cut_off_share,client_cpu_peak_pct" + waitColumns();

    private static String waitColumns() {
        StringBuilder out = new StringBuilder();
        for (String p : QueueWaits.PRIORITIES) {
            out.append(",stt_wait_").append(p).append("_count,stt_wait_").append(p).append("_mean_ms,stt_wait_")
                    .append(p).append("_p50_ms,stt_wait_").append(p).append("_p95_ms,stt_wait_").append(p)
                    .append("_p99_ms");
        }
        return out.toString();
    }

    private CsvReport() {
    }

    static void write(List<LevelResult> levels, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (LevelResult r : levels) {
            out.write(row(r));
            out.write('\n');
        }
    }

    static String row(LevelResult r) {
        return String.join(",", Integer.toString(r.callers()), Integer.toString(r.calls()),
                Integer.toString(r.conversationsDone()), Integer.toString(r.rightBookings()),
                String.format(Locale.ROOT, "%.3f", r.rightShare()), Integer.toString(r.turns()),
                number(r.p50()), number(r.p95()), number(r.p99()), number(r.max()), number(r.serverCpuAvg()),
                number(r.serverCpuPeak()), number(r.serverRssMib()), number(r.clientCpuAvg()),
                Integer.toString(r.doubleBookings()),
                r.slotRacesLost() < 0 ? "" : Integer.toString(r.slotRacesLost()), number(r.serverSttP50()), number(r.serverSttP95()),
                number(r.serverDialogP50()), number(r.serverDialogP95()), number(r.serverTtsP50()),
                number(r.serverTtsP95()), number(r.serverTotalP50()), number(r.serverTotalP95()), number(r.seconds()),
                Integer.toString(r.falseCutOffs()), String.format(Locale.ROOT, "%.3f", r.cutOffShare()),
                number(r.clientCpuPeak())) + waits(r);
    }

    private static String waits(LevelResult r) {
        StringBuilder out = new StringBuilder();
        for (String p : QueueWaits.PRIORITIES) {
            QueueWaits.Wait w = r.queueWait(p);
            out.append(',').append(r.queueWaits().containsKey(p) ? Long.toString((long) w.count()) : "");
            for (double v : new double[] {w.mean(), w.p50(), w.p95(), w.p99()}) {
                out.append(',').append(number(v));
            }
        }
        return out.toString();
    }

    static String number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
