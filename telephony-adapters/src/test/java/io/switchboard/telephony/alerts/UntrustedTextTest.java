package io.switchboard.telephony.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What of a caller's words may reach the owner: the table of inputs and what the owner sees. */
class UntrustedTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # caller's words                                         | the owner sees
            burst pipe in the kitchen                                | burst pipe in the kitchen
            call me on 09098 790 790 now                             | call me on [number removed] now
            ring +44 (0)20 7946-0000 asap                            | ring [number removed] asap
            urgent: 0909.879.0790                                    | urgent: [number removed]
            full-width ０９０９８７９０７９０ digits                     | full-width [number removed] digits
            oh nine oh nine eight seven nine oh seven nine oh please | [number removed] please
            pay at https://pay.example.com/x?id=1234567 today        | pay at [link removed] today
            see www.evil.example now                                 | see [link removed] now
            go to pay-now.co.uk quickly                              | go to [link removed] quickly
            visit scam dot com                                       | visit [link removed]
            mail me at bob@example.org                               | mail me at [link removed]
            bob (at) example (dot) org                               | [link removed]
            `flat 2, 12 High Street, BS1 4DJ`                        | `flat 2, 12 High Street, BS1 4DJ`
            2 bathrooms flooding since 10:30                         | 2 bathrooms flooding since 10:30
            `he said "call 0909 879 0790"`                           | he said 'call [number removed]'
            """)
    void numbersAndLinksAreRemoved(String raw, String expected) {
        assertThat(UntrustedText.plain(raw, 200)).isEqualTo(expected);
    }

    @Test
    void controlAndFormatCharactersAreStripped() {
        assertThat(UntrustedText.plain("burst\npipe\r\n\tnow\u0007\u001b[31m", 200)).isEqualTo("burst pipe now[31m");
        // A right-to-left override would make the owner read the text backwards; zero-width characters hide words.
        assertThat(UntrustedText.plain("pipe \u202Eenog\u202C burst\u200B", 200)).isEqualTo("pipe enog burst");
        assertThat(UntrustedText.plain("\uE000private\uDBFF", 200)).isEqualTo("private");
    }

    @Test
    void quotedAndCutShort() {
        String long100 = "water ".repeat(20);
        String q = UntrustedText.quote(long100, 80);
        assertThat(q).startsWith("\"water").endsWith("…\"");
        assertThat(q.codePointCount(0, q.length())).isEqualTo(82);
        assertThat(UntrustedText.quote("  ", 80)).isEmpty();
        assertThat(UntrustedText.quote(null, 80)).isEmpty();
        // A cut never leaves half an emoji.
        String emoji = UntrustedText.plain("💧".repeat(10), 5);
        assertThat(emoji).isEqualTo("💧💧💧💧…");
    }

    @Test
    void aNumberCannotBeSmuggledAcrossTheCut() {
        // Removal happens before the cut, so cutting cannot turn "[number removed]" back into digits.
        assertThat(UntrustedText.plain("x 0909 879 0790", 6)).doesNotContainPattern("\\d{3}");
    }

    @Test
    void hostileLengthIsBounded() {
        assertThat(UntrustedText.plain("1 ".repeat(100_000), 80)).hasSizeLessThanOrEqualTo(80);
        assertThatThrownBy(() -> UntrustedText.plain("x", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
