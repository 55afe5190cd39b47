package io.switchboard.dialog.understanding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An address given over several turns is one address. */
class AddressPartsTest {

    private final TextNormalizer normalizer = new TextNormalizer();
    private final AddressExtractor addresses = new AddressExtractor();

    private AddressParts turn(String text) {
        return addresses.parts(normalizer.normalize(text).text(), true).orElseThrow();
    }

    private AddressParts across(String... turns) {
        AddressParts address = AddressParts.EMPTY;
        for (String t : turns) {
            address = address.merge(turn(t));
        }
        return address;
    }

    @Test
    void aStreetThenAPostcodeIsOneAddress() {
        AddressParts address = across("7 Picton Street", "BS6 5QA");
        assertThat(address.formatted()).isEqualTo("7 Picton Street, BS6 5QA");
        assertThat(address.isComplete()).isTrue();
        assertThat(across("7 Picton Street").isComplete()).isFalse();
    }

    @Test
    void aPostcodeThenAStreetIsOneAddress() {
        assertThat(across("b s six five q a", "it's 7 picton street").formatted())
                .isEqualTo("7 Picton Street, BS6 5QA");
    }

    @Test
    void premisesGivenFirstStayWithTheStreet() {
        assertThat(across("flat four", "22 cotham hill clifton", "bs6 6jx").formatted())
                .isEqualTo("Flat 4, 22 Cotham Hill, Clifton, BS6 6JX");
    }

    @Test
    void aDifferentStreetReplacesWhatBelongedToTheOldOne() {
        AddressParts address = across("flat 2 14 gloucester road bristol", "BS7 8AE", "no it's 9 chandos road");
        assertThat(address.formatted()).isEqualTo("9 Chandos Road, BS7 8AE");
    }

    @Test
    void aLaterPostcodeCorrectsTheEarlierOne() {
        assertThat(across("7 picton street bs6 5qa", "sorry the postcode is bs6 5qb").formatted())
                .isEqualTo("7 Picton Street, BS6 5QB");
    }

    @Test
    void nothingNewChangesNothing() {
        AddressParts address = across("7 Picton Street");
        assertThat(address.merge(null)).isSameAs(address);
        assertThat(address.merge(AddressParts.EMPTY)).isSameAs(address);
        assertThat(AddressParts.EMPTY.formatted()).isEmpty();
    }

    @Test
    void anEmailAddressIsNeverAnAddress() {
        assertThat(addresses.find(normalizer.normalize("john.smith@gmail.com").text(), true)).isEmpty();
        assertThat(addresses.find(normalizer.normalize("it's john dot smith at gmail dot com").text(), true)).isEmpty();
        assertThat(addresses.find(normalizer.normalize("email me at a.b@c.com, we're at 12 Park Street").text(),
                false)).map(AddressExtractor.Match::address).contains("12 Park Street");
    }

    @Test
    void theSpanPointsAtTheWordsUsed() {
        String text = normalizer.normalize("I'm at basement flat, 12 Picton Street BS6 5QA and my number is 07700900123")
                .text();
        assertThat(addresses.find(text, false)).hasValueSatisfying(m -> {
            assertThat(m.span().in(text)).isEqualTo(m.matchedText()).isEqualTo("basement flat 12 picton street bs6 5qa");
            assertThat(m.parts()).isEqualTo(new AddressParts("Basement Flat", "12 Picton Street", null, "BS6 5QA"));
        });
    }
}
