package io.switchboard.dialog.flow;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A date keyed on a telephone keypad, day then month as people write it here: {@code 2411} is the 24th of November,
 * {@code 511} the 5th. The next such date from today, so "0301" keyed in December is January.
 */
final class KeyedDate {

    private KeyedDate() {
    }

    static Optional<LocalDate> parse(String digits, LocalDate today) {
        if (!digits.matches("\\d{3,4}")) {
            return Optional.empty();
        }
        int split = digits.length() - 2;
        int day = Integer.parseInt(digits.substring(0, split));
        int month = Integer.parseInt(digits.substring(split));
        try {
            LocalDate date = LocalDate.of(today.getYear(), month, day);
            return Optional.of(date.isBefore(today) ? date.plusYears(1) : date);
        } catch (DateTimeException e) {
            return Optional.empty(); // 3113, 0000: not a date
        }
    }
}
