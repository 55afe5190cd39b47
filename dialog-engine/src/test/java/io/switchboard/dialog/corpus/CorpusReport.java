package io.switchboard.dialog.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The benchmark table and the failure catalogue, in Markdown. */
final class CorpusReport {

    private final List<DialogRecord> records;
    private final long seed;

    CorpusReport(List<DialogRecord> records, long seed) {
        this.records = List.copyOf(records);
        this.seed = seed;
    }

    long count(Outcome o) {
        return records.stream().filter(r -> r.outcome() == o).count();
    }

    double bookedRightShare() {
        return records.isEmpty() ? 0 : (double) count(Outcome.BOOKED_RIGHT) / records.size();
    }

    String table() {
        StringBuilder b = new StringBuilder();
        b.append("| Category | Dialogs | Booked right | Avg turns to booking | Loops | Wrong bookings | Handed off | Stuck |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<Category, List<DialogRecord>> by = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            by.put(c, new ArrayList<>());
        }
        records.forEach(r -> by.get(r.persona().category()).add(r));
        by.forEach((c, rs) -> {
            if (!rs.isEmpty()) {
                b.append(row(c.label, rs));
            }
        });
        b.append(row("**all**", records));
        return b.toString();
    }

    private static String row(String label, List<DialogRecord> rs) {
        long right = rs.stream().filter(r -> r.outcome() == Outcome.BOOKED_RIGHT).count();
        double avg = rs.stream().filter(r -> r.turnsToBooking() > 0).mapToInt(DialogRecord::turnsToBooking)
                .average().orElse(Double.NaN);
        return String.format(Locale.ROOT, "| %s | %d | %.0f %% (%d) | %s | %d | %d | %d | %d |%n", label, rs.size(),
                100.0 * right / rs.size(), right, Double.isNaN(avg) ? "–" : String.format(Locale.ROOT, "%.1f", avg),
                n(rs, Outcome.LOOP), n(rs, Outcome.WRONG_BOOKING), n(rs, Outcome.HANDED_OFF), n(rs, Outcome.STUCK));
    }

    private static long n(List<DialogRecord> rs, Outcome o) {
        return rs.stream().filter(r -> r.outcome() == o).count();
    }

    String channels() {
        StringBuilder b = new StringBuilder("| Channel | Dialogs | Booked right |\n|---|---:|---:|\n");
        Map<String, List<DialogRecord>> by = records.stream()
                .collect(Collectors.groupingBy(r -> r.persona().channel().wireName(), TreeMap::new, Collectors.toList()));
        by.forEach((ch, rs) -> {
            long right = n(rs, Outcome.BOOKED_RIGHT);
            b.append(String.format(Locale.ROOT, "| %s | %d | %.0f %% |%n", ch, rs.size(), 100.0 * right / rs.size()));
        });
        return b.toString();
    }

    /** Booked-right share for each category's sub-kinds (which date phrase, which name shape...). */
    String variants() {
        StringBuilder b = new StringBuilder("| Category | Variant | Dialogs | Booked right |\n|---|---|---:|---:|\n");
        Map<String, List<DialogRecord>> by = records.stream().collect(Collectors.groupingBy(
                r -> r.persona().category().ordinal() + "\t" + r.persona().category().label + "\t" + r.persona().variant(),
                TreeMap::new, Collectors.toList()));
        by.forEach((k, rs) -> {
            String[] parts = k.split("\t");
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f %% |%n", parts[1], parts[2].replace("|", "/"),
                    rs.size(), 100.0 * n(rs, Outcome.BOOKED_RIGHT) / rs.size()));
        });
        return b.toString();
    }

    /** Failure shapes, most common first, with how many and which categories. */
    List<Map.Entry<String, List<DialogRecord>>> shapes() {
        Map<String, List<DialogRecord>> by = records.stream().filter(r -> r.outcome() != Outcome.BOOKED_RIGHT)
                .collect(Collectors.groupingBy(DialogRecord::shape, LinkedHashMap::new, Collectors.toList()));
        List<Map.Entry<String, List<DialogRecord>>> list = new ArrayList<>(by.entrySet());
        list.sort(Comparator.comparing((Map.Entry<String, List<DialogRecord>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        return list;
    }

    /** Dialogs describing a danger whose first reply began with the advice. */
    long safetyAdviceFirstCount() {
        return records.stream().filter(r -> Boolean.TRUE.equals(r.safetyAdviceFirst())).count();
    }

    /** Dialogs describing a danger. */
    long safetyDialogs() {
        return records.stream().filter(r -> r.safetyAdviceFirst() != null).count();
    }

    String summary(double threshold) {
        StringBuilder b = new StringBuilder();
        b.append("# Conversation corpus report\n\n");
        b.append(String.format(Locale.ROOT, "Seed %d, %d dialogs. Booked right %.1f %% (threshold %.0f %%), loops %d, "
                        + "wrong bookings %d, handed off %d, stuck %d.%n%n", seed, records.size(),
                100 * bookedRightShare(), 100 * threshold, count(Outcome.LOOP), count(Outcome.WRONG_BOOKING),
                count(Outcome.HANDED_OFF), count(Outcome.STUCK)));
        b.append(table()).append('\n');
        List<DialogRecord> asked = records.stream().filter(r -> r.questionAnswered() != null).toList();
        if (!asked.isEmpty()) {
            b.append(String.format(Locale.ROOT, "Question asked with a booking answered in the first reply: %d of %d.%n%n",
                    asked.stream().filter(DialogRecord::questionAnswered).count(), asked.size()));
        }
        List<DialogRecord> dangers = records.stream().filter(r -> r.safetyAdviceFirst() != null).toList();
        if (!dangers.isEmpty()) {
            b.append(String.format(Locale.ROOT, "Safety advice said first (before any booking question): %d of %d.%n%n",
                    safetyAdviceFirstCount(), dangers.size()));
        }
        b.append(channels()).append('\n');
        b.append("<details><summary>By variant</summary>\n\n").append(variants()).append("\n</details>\n\n");
        b.append("## Most common failure shapes\n\n| # | Dialogs | Shape | Categories |\n|---:|---:|---|---|\n");
        int i = 0;
        for (var e : shapes()) {
            if (++i > 20) {
                break;
            }
            b.append(String.format(Locale.ROOT, "| %d | %d | %s | %s |%n", i, e.getValue().size(),
                    e.getKey().replace("|", "/"), categories(e.getValue())));
        }
        return b.toString();
    }

    private static String categories(List<DialogRecord> rs) {
        Map<String, Long> by = rs.stream().collect(Collectors.groupingBy(r -> r.persona().category().name()
                .toLowerCase(Locale.ROOT), TreeMap::new, Collectors.counting()));
        return by.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The 20 most common failure shapes, one transcript each. */
    String failureTranscripts() {
        StringBuilder b = new StringBuilder("# Corpus failures: one transcript per shape\n\n");
        int i = 0;
        for (var e : shapes()) {
            if (++i > 20) {
                break;
            }
            DialogRecord r = e.getValue().get(0);
            b.append("## ").append(i).append(". ").append(e.getKey()).append(" (").append(e.getValue().size())
                    .append(" dialogs)\n\n```\n").append(String.join("\n", r.transcript())).append("\n```\n\n");
        }
        return b.toString();
    }
}
