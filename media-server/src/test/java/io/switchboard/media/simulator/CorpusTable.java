package io.switchboard.media.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The corpus report: per caller voice, calls right (and right without the text fallback), turns per call, fallback use
 * and recognised-slot accuracy.
 */
public final class CorpusTable {

    private CorpusTable() {
    }

    /** Share of calls that ended right, 0..1. */
    public static double rightShare(List<SpokenCallResult> results) {
        return results.isEmpty() ? 0 : results.stream().filter(SpokenCallResult::right).count() / (double) results.size();
    }

    /** A Markdown table, one row per voice and a total row. */
    public static String markdown(List<SpokenCallResult> results) {
        Map<String, List<SpokenCallResult>> byVoice = new LinkedHashMap<>();
        for (SpokenCallResult r : results) {
            byVoice.computeIfAbsent(r.voice(), v -> new ArrayList<>()).add(r);
        }
        StringBuilder out = new StringBuilder("| voice | calls | right | right by voice alone | turns/call | loops"
                + " | keypad | re-asked | picked from a list | read-back corrected | went on by text | message for owner"
                + " | slots right |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        byVoice.forEach((voice, rs) -> out.append(row(voice, rs)));
        out.append(row("**all**", results));
        return out.toString();
    }

    private static String row(String label, List<SpokenCallResult> rs) {
        long right = rs.stream().filter(SpokenCallResult::right).count();
        long byVoice = rs.stream().filter(r -> r.right() && r.fallbacks().getOrDefault("by text", 0) == 0).count();
        double turns = rs.stream().mapToInt(SpokenCallResult::turns).average().orElse(0);
        long loops = rs.stream().filter(SpokenCallResult::looped).count();
        Map<String, int[]> slots = new TreeMap<>();
        for (SpokenCallResult r : rs) {
            r.slots().forEach((slot, ok) -> {
                int[] c = slots.computeIfAbsent(slot, s -> new int[2]);
                c[0] += ok ? 1 : 0;
                c[1]++;
            });
        }
        List<String> slotText = new ArrayList<>();
        slots.forEach((slot, c) -> slotText.add(slot + " " + c[0] + "/" + c[1]));
        return String.format("| %s | %d | %d (%.0f %%) | %d (%.0f %%) | %.1f | %d | %d | %d | %d | %d | %d | %d | %s |%n",
                label, rs.size(), right, 100.0 * right / Math.max(1, rs.size()), byVoice,
                100.0 * byVoice / Math.max(1, rs.size()), turns, loops, sum(rs, "keypad"), sum(rs, "re-asked"),
                sum(rs, "picked from the list"), sum(rs, "corrected"), sum(rs, "by text"), sum(rs, "message for owner"),
                String.join(", ", slotText));
    }

    private static int sum(List<SpokenCallResult> rs, String fallback) {
        return rs.stream().mapToInt(r -> r.fallbacks().getOrDefault(fallback, 0)).sum();
    }
}
