package io.switchboard.dialog.understanding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressExtractorTest {

    private final TextNormalizer normalizer = new TextNormalizer();
    private final AddressExtractor addresses = new AddressExtractor();

    private String find(String text, boolean expected) {
        return addresses.find(normalizer.normalize(text).text(), expected).map(AddressExtractor.Match::address)
                .orElse(null);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            12 park street bs1 5th                         | 12 Park Street, BS1 5TH
            flat 2 14 gloucester road bristol              | Flat 2, 14 Gloucester Road, Bristol
            flat four b thirty seven cheltenham road       | Flat 4B, 37 Cheltenham Road
            flat 4b 37 cheltenham road                     | Flat 4B, 37 Cheltenham Road
            i'm at 4 the mall clifton                      | 4 The Mall, Clifton
            we're at 7a st michael's hill and it's urgent  | 7A St Michaels Hill
            twelve park street                             | 12 Park Street
            flat two fifteen gloucester road               | Flat 2, 15 Gloucester Road
            it's 22 whiteladies road clifton bs8 2pb       | 22 Whiteladies Road, Clifton, BS8 2PB
            my postcode is BS8 1TX                         | BS8 1TX
            3 High Street Bristol BS1 2AA                  | 3 High Street, Bristol, BS1 2AA
            12 Park Street, Bristol BS1 5HX                | 12 Park Street, Bristol, BS1 5HX
            I need a general repair, leaking tap. Name's Sam Smith, 3 High Street Bristol BS1 2AA | 3 High Street, Bristol, BS1 2AA
            """)
    void findsStreetAddressesAndPostcodes(String text, String expected) {
        assertThat(find(text, false)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            the old rectory church lane                | The Old Rectory Church Lane
            rose cottage upper weston                  | Rose Cottage Upper Weston
            yeah it's b s eight one t x                | BS8 1TX
            the address is ivy house bs9 4ab thanks    | Ivy House, BS9 4AB
            """)
    void takesTheAnswerLiberallyWhenAsked(String text, String expected) {
        assertThat(find(text, true)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "i don't know", "why do you need that", "tomorrow", "no", "", "ok"})
    void rejectsNonAddressesEvenWhenAsked(String text) {
        assertThat(find(text, true)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rose cottage upper weston", "at 3 tomorrow", "i have 2 taps", "the 23rd at 10"})
    void needsAStreetOrPostcodeWhenNotAsked(String text) {
        assertThat(find(text, false)).isNull();
    }

    @Test
    void reportsPostcodeAndMatchedText() {
        assertThat(addresses.find("im at 12 park street bs1 5th and my number is 07700900123", false))
                .hasValueSatisfying(m -> {
                    assertThat(m.postcode()).isEqualTo("BS1 5TH");
                    assertThat(m.matchedText()).isEqualTo("12 park street bs1 5th");
                });
    }
}
