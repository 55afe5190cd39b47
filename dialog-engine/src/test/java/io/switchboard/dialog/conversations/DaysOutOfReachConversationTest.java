package io.switchboard.dialog.conversations;

import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day that can take no booking is said to be so, with the nearest options; a stretch of days is searched whole.
 * The sample business is closed on Sundays and books 60 days ahead; today is Monday 23 November 2026.
 */
class DaysOutOfReachConversationTest {

    private final CallerScript caller = new CallerScript();

    @AfterEach
    void close() {
        caller.close();
    }

    @Test
    void aClosedDayIsSaidToBeClosedWithTheNextOpenDay() {
        TurnResult r = caller.sms("can someone unblock my drain on sunday please");

        assertThat(r.reply()).as(caller.transcript()).startsWith("Sorry, we're closed on Sundays.")
                .contains("Mon 30 Nov");
    }

    @Test
    void aDayBeyondTheHorizonIsSaidToBeTooFarAheadWithTheLastDaysThatCanBeBooked() {
        TurnResult r = caller.sms("can someone unblock my drain on 14 february");

        assertThat(r.reply()).as(caller.transcript()).contains("is further ahead than we take bookings")
                .contains("Jan").doesNotContain("Nov").doesNotContain("Dec");
    }

    @Test
    void nextWeekIsSearchedPastAFullMonday() {
        LocalDate monday = LocalDate.of(2026, 11, 30);
        for (int i = 0; i < 6; i++) { // the sample business takes six jobs a day; an hour each plus the buffer
            BookingResult b = caller.fx.scheduling().bookings().book(new BookingRequest("full-" + i,
                    "general-repair", caller.at(monday.atTime(8, 0).plusMinutes(90L * i)), "07700 90011" + i, "Someone", "1 High Street",
                    "", false, new Actor(Channel.SMS, "test")));
            assertThat(b).isInstanceOf(BookingResult.Success.class);
        }

        TurnResult r = caller.sms("can someone unblock my drain next week");

        assertThat(r.reply()).as(caller.transcript()).contains("Tue 1 Dec").doesNotContain("Mon 30")
                .doesNotContain("nothing's free");
    }
}
