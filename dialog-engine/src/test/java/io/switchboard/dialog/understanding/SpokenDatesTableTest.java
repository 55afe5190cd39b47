package io.switchboard.dialog.understanding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Days and times as callers say them, from the tables in {@code understanding/dates-*.psv}. */
class SpokenDatesTableTest {

    /** Share of the held-out table that must read right; it was scored before any rule was tuned against it. */
    private static final double HELD_OUT_BAR = 0.95;

    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    private static final DateTimeExtractor EXTRACTOR = new DateTimeExtractor();

    static Stream<Arguments> tuned() {
        return PhrasingTable.load("dates-tuned.psv").rows().stream()
                .map(r -> Arguments.of(r.get(0), r.get(1), r.get(2)));
    }

    @ParameterizedTest(name = "on {0}: \"{1}\" is {2}")
    @MethodSource("tuned")
    void readsTheTunedTable(String today, String text, String expected) {
        assertThat(read(today, text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"dates-heldout.psv", "dates-heldout-b.psv", "dates-heldout-c.psv"})
    void readsTheHeldOutTables(String table) {
        PhrasingTable.Score score = PhrasingTable.load(table).score(row -> read(row.get(0), row.get(1)));
        System.out.println(score);
        assertThat(score.rate()).as(score.toString()).isGreaterThanOrEqualTo(HELD_OUT_BAR);
    }

    static String read(String today, String text) {
        ZonedDateTime now = LocalDate.parse(today).atTime(10, 0).atZone(SampleProfiles.LONDON);
        return describe(EXTRACTOR.extract(NORMALIZER.normalize(text).text(), now));
    }

    static String describe(List<TimePreference> prefs) {
        if (prefs.isEmpty()) {
            return "-";
        }
        return prefs.stream().map(SpokenDatesTableTest::describe).collect(Collectors.joining(";"));
    }

    private static String describe(TimePreference p) {
        List<String> parts = new ArrayList<>();
        if (p.date() != null) {
            parts.add(p.date() + (p.lastDate() == null ? "" : ".." + p.lastDate()));
        }
        if (p.time() != null) {
            parts.add((p.approximate() ? "~" : "") + p.time());
        }
        if (p.partOfDay() != null) {
            parts.add(p.partOfDay().name());
        }
        if (p.notBefore() != null) {
            parts.add(">" + p.notBefore());
        }
        if (p.notAfter() != null) {
            parts.add("<" + p.notAfter());
        }
        if (p.asap()) {
            parts.add("asap");
        }
        return String.join(" ", parts);
    }
}
