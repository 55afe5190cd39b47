package io.switchboard.dialog.understanding;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Names, addresses and email addresses as callers give them, from {@code understanding/{names,addresses,emails}-*.psv}. */
class PeopleDetailsTableTest {

    /** Share of each held-out table that must read right; scored before any rule was tuned against them. */
    private static final double HELD_OUT_BAR = 0.8;

    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    private static final NameExtractor NAMES = new NameExtractor();
    private static final AddressExtractor ADDRESSES = new AddressExtractor();
    private static final EmailExtractor EMAILS = new EmailExtractor();

    static Stream<Arguments> names() {
        return PhrasingTable.load("names-tuned.psv").rows().stream()
                .map(r -> Arguments.of(r.get(0), Boolean.parseBoolean(r.get(1)), r.get(2)));
    }

    static Stream<Arguments> addresses() {
        return PhrasingTable.load("addresses-tuned.psv").rows().stream()
                .map(r -> Arguments.of(r.get(0), Boolean.parseBoolean(r.get(1)), r.get(2)));
    }

    static Stream<Arguments> emails() {
        return PhrasingTable.load("emails-tuned.psv").rows().stream().map(r -> Arguments.of(r.get(0), r.get(1)));
    }

    @ParameterizedTest(name = "\"{0}\" (asked: {1}) -> {2}")
    @MethodSource("names")
    void readsNamesAsTyped(String text, boolean asked, String expected) {
        assertThat(name(text, asked)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" (asked: {1}) -> {2}")
    @MethodSource("addresses")
    void readsAddresses(String text, boolean asked, String expected) {
        assertThat(address(text, asked)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("emails")
    void readsEmails(String text, String expected) {
        assertThat(email(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "-b", "-c"})
    void readsTheHeldOutTables(String batch) {
        PhrasingTable.Score names = PhrasingTable.load("names-heldout" + batch + ".psv")
                .score(r -> name(r.get(0), Boolean.parseBoolean(r.get(1))));
        PhrasingTable.Score addresses = PhrasingTable.load("addresses-heldout" + batch + ".psv")
                .score(r -> address(r.get(0), Boolean.parseBoolean(r.get(1))));
        PhrasingTable.Score emails = PhrasingTable.load("emails-heldout" + batch + ".psv").score(r -> email(r.get(0)));
        System.out.println(names + "\n" + addresses + "\n" + emails);
        assertThat(names.rate()).as(names.toString()).isGreaterThanOrEqualTo(HELD_OUT_BAR);
        assertThat(addresses.rate()).as(addresses.toString()).isGreaterThanOrEqualTo(HELD_OUT_BAR);
        assertThat(emails.rate()).as(emails.toString()).isGreaterThanOrEqualTo(HELD_OUT_BAR);
    }

    private static String name(String text, boolean asked) {
        return NAMES.find(NORMALIZER.normalize(text), asked).map(NameExtractor.Match::name).orElse("-");
    }

    private static String address(String text, boolean asked) {
        return ADDRESSES.find(NORMALIZER.normalize(text).text(), asked).map(AddressExtractor.Match::address)
                .orElse("-");
    }

    private static String email(String text) {
        return EMAILS.find(NORMALIZER.normalize(text)).map(EmailExtractor.Match::email).orElse("-");
    }
}
