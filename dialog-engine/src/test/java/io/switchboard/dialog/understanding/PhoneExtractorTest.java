package io.switchboard.dialog.understanding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneExtractorTest {

    private final PhoneExtractor phones = new PhoneExtractor();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            my number is oh seven seven double oh nine double oh one two three | +447700900123
            +44 7700 900123                                                    | +447700900123
            07700900123                                                        | +447700900123
            07700 900 123                                                      | +447700900123
            (07700) 900-123                                                    | +447700900123
            0044 7700 900123                                                   | +447700900123
            call me on 0117 496 0123 after 3                                   | +441174960123
            plus four four seven seven double oh nine double oh one two three  | +447700900123
            """)
    void readsSpokenAndTypedNumbers(String text, String e164) {
        assertThat(phones.toE164(text, "GB")).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"at 10:30 tomorrow", "1234", "the 23rd", "23/11", "12 park street bs1 5th",
            "seven seven double oh nine", "99999999999999999999", ""})
    void findsNoNumberWhereThereIsNone(String text) {
        assertThat(phones.toE164(text, "GB")).isEmpty();
    }

    @Test
    void reportsTheStretchOfTextItUsed() {
        assertThat(phones.find("ring me on 07700 900123 at 3", "GB")).hasValueSatisfying(m -> {
            assertThat(m.e164()).isEqualTo("+447700900123");
            assertThat(m.matchedText()).isEqualTo("07700 900123");
        });
    }

    @Test
    void regionDecidesLocalNumbers() {
        assertThat(phones.toE164("(415) 555-2671", "US")).contains("+14155552671");
        assertThat(phones.toE164("null region 07700900123", null)).isEmpty();
    }
}
