package io.switchboard.dialog.corpus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as the caller's name and address being kept: strict on letters, lenient on what people don't mind. */
class JudgeRulesTest {

    private final Address flat = new Address("Flat 4B", 12, "Picton Street", "Bristol", "BS6 5QA");

    @Test
    void anAddressNeedsItsFlatItsStreetAndItsPostcode() {
        assertThat(AddressMatch.matches("Flat 4B, 12 Picton St, Bristol BS65QA", flat)).isTrue();
        assertThat(AddressMatch.matches("flat four b twelve picton street bs6 5qa", flat)).isTrue();
        assertThat(AddressMatch.matches("12 Picton Street, Bristol BS6 5QA", flat)).as("flat dropped").isFalse();
        assertThat(AddressMatch.matches("BS6 5QA", flat)).as("street dropped").isFalse();
        assertThat(AddressMatch.matches("Flat 4B, 12 Picton Street", flat)).as("postcode dropped").isFalse();
        assertThat(AddressMatch.matches("Flat 4B, 12 Picton Street BS6 5QA, jo@example.com", flat))
                .as("an email is never an address").isFalse();
    }

    @Test
    void aTypedNameKeepsEveryMarkAndATitleMayBeLeftOff() {
        PersonName typed = new PersonName("Mary O'Neill-Hughes", "mary o'neill hughes", "");
        PersonName titled = new PersonName("Mrs J. Okafor", "mrs j okafor", "Mrs");

        assertThat(typed.matches("Mary O'Neill-Hughes", false)).isTrue();
        assertThat(typed.matches("Mary Oneill Hughes", false)).isFalse();
        assertThat(typed.matches("Mary", false)).isFalse();
        assertThat(titled.matches("J. Okafor", false)).isTrue();
        assertThat(titled.matches("Mrs J. Okafor", false)).isTrue();
        assertThat(titled.matches("Okafor", false)).isFalse();
        assertThat(typed.matches("Mary O'Neill Hughes", true)).as("speech-to-text hears no hyphen").isTrue();
    }

    @Test
    void aWishAcceptsOnlyStartsInsideItsWindows() {
        Wishes w = new Wishes(io.switchboard.scheduling.testing.TestProfiles.sample(),
                java.time.LocalDateTime.of(2026, 11, 23, 9, 0), java.time.Duration.ofHours(2));
        Wish afternoon = w.wish("tuesday afternoon", java.time.LocalDate.of(2026, 11, 24), Wishes.PLAIN_PARTS.get(1));

        assertThat(afternoon.contains(java.time.LocalDateTime.of(2026, 11, 24, 12, 0))).isTrue();
        assertThat(afternoon.contains(java.time.LocalDateTime.of(2026, 11, 24, 16, 0))).as("last start of a 2h job").isTrue();
        assertThat(afternoon.contains(java.time.LocalDateTime.of(2026, 11, 24, 16, 30))).isFalse();
        assertThat(afternoon.contains(java.time.LocalDateTime.of(2026, 11, 24, 11, 30))).isFalse();
        assertThat(afternoon.contains(java.time.LocalDateTime.of(2026, 11, 25, 13, 0))).isFalse();
    }
}
