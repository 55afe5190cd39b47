package io.switchboard.dialog.flow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedDateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", textBlock = """
            2411 | 2026-11-24
            511  | 2027-11-05
            0301 | 2027-01-03
            2311 | 2026-11-23
            3113 | none
            0000 | none
            3002 | none
            24   | none
            24111| none
            """, delimiter = '|')
    void dayThenMonthIsTheNextSuchDate(String keyed, String expected) {
        Optional<LocalDate> date = KeyedDate.parse(keyed.strip(), TODAY);

        assertThat(date).isEqualTo(Optional.ofNullable(expected).map(String::strip).map(LocalDate::parse));
    }
}
