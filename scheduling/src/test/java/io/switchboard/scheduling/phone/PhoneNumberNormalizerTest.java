package io.switchboard.scheduling.phone;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumberNormalizerTest {

    private final PhoneNumberNormalizer gb = new PhoneNumberNormalizer("GB");

    @ParameterizedTest
    @CsvSource({
            "07700 900123,       +447700900123",
            "+44 7700 900123,    +447700900123",
            "(0117) 496 0123,    +441174960123",
            "0044 7911 123456,   +447911123456",
            "+1 415 555 0123,    +14155550123",
            "07700 900999,       +447700900999",
    })
    void writesE164(String raw, String e164) {
        assertThat(gb.toE164(raw)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "call me", "", "   ", "+44", "0770090012345678901234", "07911 123", "0117 496"})
    void refusesWhatCannotBeANumber(String raw) {
        assertThat(gb.toE164(raw)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void refusesNullAndHugeInput() {
        assertThat(gb.toE164(null)).isEmpty();
        assertThat(gb.toE164("0".repeat(10_000))).isEmpty();
    }
}
