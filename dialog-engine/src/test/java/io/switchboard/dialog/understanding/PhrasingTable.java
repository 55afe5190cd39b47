package io.switchboard.dialog.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A table of phrasings kept in a test resource ({@code understanding/*.psv}): one row a line, columns separated by
 * {@code |}, {@code #} starts a comment line. Held-out tables are scored as a whole so their pass rate can be
 * reported; tuned tables run row by row.
 */
record PhrasingTable(String name, List<List<String>> rows) {

    static PhrasingTable load(String resource) {
        try (InputStream in = PhrasingTable.class.getResourceAsStream("/understanding/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no table " + resource);
            }
            List<List<String>> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String cell : line.split("\\|")) {
                    cells.add(cell.strip());
                }
                rows.add(List.copyOf(cells));
            }
            return new PhrasingTable(resource, List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scores every row: the actual answer is computed by {@code actual}, expected is the last column. */
    Score score(Function<List<String>, String> actual) {
        List<String> failures = new ArrayList<>();
        for (List<String> row : rows) {
            String expected = row.get(row.size() - 1);
            String got;
            try {
                got = actual.apply(row);
            } catch (RuntimeException e) {
                got = e.toString();
            }
            if (!expected.equals(got)) {
                failures.add(String.join(" | ", row.subList(0, row.size() - 1)) + "  expected " + expected
                        + " but got " + got);
            }
        }
        return new Score(name, rows.size(), rows.size() - failures.size(), failures);
    }

    record Score(String table, int total, int passed, List<String> failures) {

        double rate() {
            return total == 0 ? 1 : (double) passed / total;
        }

        @Override
        public String toString() {
            return table + ": " + passed + "/" + total + " passed" + (failures.isEmpty() ? ""
                    : "\n  " + String.join("\n  ", failures));
        }
    }
}
