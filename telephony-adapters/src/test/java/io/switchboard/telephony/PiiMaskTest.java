package io.switchboard.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiMaskTest {

    @Test
    void keepsOnlyTheLastThreeDigitsOfAnE164Number() {
        assertThat(PiiMask.phone("+447700900123")).isEqualTo("***123");
    }

    @Test
    void whatsAppIdsWithoutPlusAreMaskedTheSameWay() {
        assertThat(PiiMask.phone("447700900987")).isEqualTo("***987");
    }

    @Test
    void formattedNumbersDropTheirFormatting() {
        assertThat(PiiMask.phone("+44 7700 900-456")).isEqualTo("***456");
    }

    @Test
    void shortOrDigitFreeValuesRevealNothing() {
        assertThat(PiiMask.phone("1234")).isEqualTo("***");
        assertThat(PiiMask.phone("anonymous")).isEqualTo("***");
        assertThat(PiiMask.phone("<script>alert(1)</script>")).isEqualTo("***");
    }

    @Test
    void missingValuesAreNamedAsMissing() {
        assertThat(PiiMask.phone(null)).isEqualTo("<none>");
        assertThat(PiiMask.phone("  ")).isEqualTo("<none>");
    }

    @Test
    void neverContainsTheLeadingDigits() {
        String masked = PiiMask.phone("+14155550100");
        assertThat(masked).doesNotContain("415").doesNotContain("555").endsWith("100");
    }
}
