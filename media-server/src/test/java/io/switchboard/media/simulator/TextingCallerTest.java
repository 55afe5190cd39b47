package io.switchboard.media.simulator;

import io.switchboard.dialog.understanding.Expectation;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus's texting caller checks a text read-back the way a person does before replying "yes": the job, the day,
 * the time and the address. Saying yes after checking only the address had confirmed drain cleanings for callers
 * with a leaking tap.
 */
class TextingCallerTest {

    /** Wednesday 25 November 2026 at 08:00, two days after the corpus's "now" (Monday 23rd). */
    private static final LocalDateTime WEDNESDAY_EIGHT = LocalDateTime.of(2026, 11, 25, 8, 0);

    private static final SpokenCallScript TAP = SpokenCallScript.of("t", SpokenCallScript.Kind.BOOKING, "+447700900001",
                    "my tap is leaking")
            .says(Expectation.Slot.SERVICE, "a repair please")
            .expecting(new SpokenCallScript.Expected("general-repair", WEDNESDAY_EIGHT, "lucy green",
                    "twenty five queen street"));

    @Test
    void aReadBackOfTheirBookingIsConfirmed() {
        assertThat(TextingCaller.wrongInReadBack(TAP,
                "to confirm: general repair, wed 25 nov 08:00, 25 queen street. book it? (yes/no)")).isNull();
    }

    @Test
    void theWrongJobIsRefusedEvenWithTheRightAddress() {
        assertThat(TextingCaller.wrongInReadBack(TAP,
                "to confirm: drain cleaning, wed 25 nov 08:00, 25 queen street. book it? (yes/no)"))
                .isEqualTo(Expectation.Slot.SERVICE);
    }

    @Test
    void theWrongDayOrHourIsRefused() {
        assertThat(TextingCaller.wrongInReadBack(TAP,
                "to confirm: general repair, thu 26 nov 08:00, 25 queen street. book it? (yes/no)"))
                .isEqualTo(Expectation.Slot.DATE_TIME);
        assertThat(TextingCaller.wrongInReadBack(TAP,
                "to confirm: general repair, wed 25 nov 09:00, 25 queen street. book it? (yes/no)"))
                .isEqualTo(Expectation.Slot.DATE_TIME);
    }

    @Test
    void theWrongAddressIsRefused() {
        assertThat(TextingCaller.wrongInReadBack(TAP,
                "to confirm: general repair, wed 25 nov 08:00, 25 queens road. book it? (yes/no)"))
                .isEqualTo(Expectation.Slot.ADDRESS);
    }

    @Test
    void aReadBackAfterWhatTheReplyDidFirstIsStillChecked() {
        assertThat(TextingCaller.wrongInReadBack(TAP, "ok, i've changed the name to lucy green. to confirm: general"
                + " repair, wed 25 nov 08:00, 100 or 3. book it? (yes/no)")).isEqualTo(Expectation.Slot.ADDRESS);
        assertThat(TextingCaller.wrongInReadBack(TAP, "ok, i've changed the name to lucy green. to confirm: general"
                + " repair, wed 25 nov 08:00, 25 queen street. book it? (yes/no)")).isNull();
    }

    @Test
    void aMoveIsJudgedByItsNewTime() {
        assertThat(TextingCaller.wrongInReadBack(TAP,
                "move your general repair from tue 24 nov 08:00 to wed 25 nov 08:00? (yes/no)")).isNull();
        assertThat(TextingCaller.wrongInReadBack(TAP,
                "move your general repair from wed 25 nov 08:00 to thu 26 nov 08:00? (yes/no)"))
                .isEqualTo(Expectation.Slot.DATE_TIME);
    }
}
