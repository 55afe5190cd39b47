package io.switchboard.models;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSafeTest {

    @Test
    void lineBreaksCannotStartAForgedLogLine() {
        assertThat(LogSafe.escape("abc\n2026-12-01 INFO admin logged in\r"))
                .isEqualTo("abc\\n2026-12-01 INFO admin logged in\\r")
                .doesNotContain("\n", "\r");
    }

    @Test
    void otherControlAndBidiCharactersBecomeVisibleEscapes() {
        assertThat(LogSafe.escape("a\u0000b\u001bc\u202ed\u2028")).isEqualTo("a\\u0000b\\u001bc\\u202ed\\u2028");
    }

    @Test
    void aBackslashIsDoubledSoAClientCannotFakeAnEscape() {
        assertThat(LogSafe.escape("x\\ny")).isEqualTo("x\\\\ny");
    }

    @Test
    void plainTextIsUnchangedAndNullIsNamed() {
        assertThat(LogSafe.escape("+447700900123 web-1 ü")).isEqualTo("+447700900123 web-1 ü");
        assertThat(LogSafe.escape(null)).isEqualTo("<none>");
    }
}
