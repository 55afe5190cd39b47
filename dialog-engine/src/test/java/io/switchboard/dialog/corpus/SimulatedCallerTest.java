package io.switchboard.dialog.corpus;

import io.switchboard.models.Channel;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated caller never agrees to what it did not want, and picks only what fits its wish. */
class SimulatedCallerTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    private static SimulatedCaller caller(String pickStyle) {
        Wish afternoon = Wish.of("tuesday afternoon", "tuesday afternoon", TUESDAY, LocalTime.NOON, LocalTime.of(16, 0));
        Persona p = new Persona(1, Category.PLAIN, "test", Channel.SMS, LocalDateTime.of(2026, 11, 23, 9, 0),
                "+447700900001", PersonName.plain("Jane Doe"), "+447700900001", null,
                new Address("", 12, "Park Street", "Bristol", "BS1 5HX"), false,
                new Persona.Problem("my sink is blocked", "drain-cleaning", "drain cleaning"), afternoon, null, null,
                "my sink is blocked, tuesday afternoon please", List.of(), pickStyle, Persona.Goal.BOOK, List.of(), -1);
        return new SimulatedCaller(p, 42, TestProfiles.sample().services());
    }

    @Test
    void aReadBackOutsideTheWishIsCorrectedNotAccepted() {
        SimulatedCaller c = caller(null);
        c.first();

        String answer = c.next("To confirm: drain cleaning, Tue 24 Nov 09:00, 12 Park Street, Bristol, BS1 5HX. Book it? (yes/no)");

        assertThat(answer.toLowerCase()).startsWith("no").doesNotContain("yes");
    }

    @Test
    void aReadBackThatDropsTheStreetIsCorrected() {
        SimulatedCaller c = caller(null);
        c.first();

        String answer = c.next("To confirm: drain cleaning, Tue 24 Nov 14:00, BS1 5HX. Book it? (yes/no)");

        assertThat(answer.toLowerCase()).contains("12 park street");
    }

    @Test
    void itPicksTheOfferThatFitsAndRemembersExactlyWhich() {
        SimulatedCaller c = caller("digit");
        c.first();

        String answer = c.next("I can do: 1) Tue 24 Nov 09:00 2) Tue 24 Nov 13:00. Which suits you?");

        assertThat(answer).isEqualTo("2");
        assertThat(c.chosen()).isEqualTo(TUESDAY.atTime(13, 0));
    }

    @Test
    void whenNothingFitsItAsksAgainThenGivesUpButNeverSaysYes() {
        SimulatedCaller c = caller(null);
        c.first();
        String offers = "I can do: 1) Tue 24 Nov 08:00 2) Tue 24 Nov 08:30. Which suits you?";

        String first = c.next(offers);
        String second = c.next(offers);
        String third = c.next(offers);

        assertThat(first).containsIgnoringCase("tuesday afternoon");
        assertThat(second).containsIgnoringCase("tuesday afternoon");
        assertThat(third).isNull();
        assertThat(c.gaveUp()).contains("nothing offered fits");
    }
}
