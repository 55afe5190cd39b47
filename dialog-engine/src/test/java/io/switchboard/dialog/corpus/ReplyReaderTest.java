package io.switchboard.dialog.corpus;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The caller's reading of replies: what is asked, which times are on offer, what a confirmation proposes. */
class ReplyReaderTest {

    /** Monday 23 November 2026. */
    private final ReplyReader reader = new ReplyReader(LocalDate.of(2026, 11, 23));

    @Test
    void aNumberedListIsReadAsOptionsOnTheirDay() {
        Reading r = reader.read("I can do: 1) tomorrow 08:00 2) Thu 26 Nov 08:30 3) Thu 26 Nov 09:00. Which suits you?");

        assertThat(r.ask()).isEqualTo(Reading.Ask.OFFERS);
        assertThat(r.options()).containsExactly(LocalDateTime.of(2026, 11, 24, 8, 0),
                LocalDateTime.of(2026, 11, 26, 8, 30), LocalDateTime.of(2026, 11, 26, 9, 0));
    }

    @Test
    void aSpokenRangeIsASpanNotTwoOptions() {
        Reading r = reader.read("Thursday I have openings from noon to six p m. What time suits you?");

        assertThat(r.options()).isEmpty();
        assertThat(r.ranges()).containsExactly(new Reading.Span(LocalDate.of(2026, 11, 26), LocalTime.NOON,
                LocalTime.of(18, 0)));
    }

    @Test
    void aTimeSaidToBeTakenIsNotOnOffer() {
        Reading r = reader.read("Sorry, Thu 26 Nov 09:30 is taken. I can do: 1) Thu 26 Nov 11:00 2) Thu 26 Nov 11:30. Which suits you?");

        assertThat(r.options()).containsExactly(LocalDateTime.of(2026, 11, 26, 11, 0),
                LocalDateTime.of(2026, 11, 26, 11, 30));
        assertThat(r.refusal()).isTrue();
    }

    @Test
    void confirmationsProposeTheirTimeAndAMoveProposesTheNewOne() {
        Reading book = reader.read("So that's general repair Thursday at two p m at 4 The Mall, BS8 4DR. Shall I book it?");
        Reading move = reader.read("Move your general repair from Wed 25 Nov 10:00 to Thu 26 Nov 08:30? (yes/no)");

        assertThat(book.ask()).isEqualTo(Reading.Ask.CONFIRM);
        assertThat(book.proposal()).isEqualTo(LocalDateTime.of(2026, 11, 26, 14, 0));
        assertThat(move.ask()).isEqualTo(Reading.Ask.CONFIRM);
        assertThat(move.proposalLast()).isEqualTo(LocalDateTime.of(2026, 11, 26, 8, 30));
    }

    @Test
    void aSpokenDateIsReadAsTheDayItNames() {
        Reading r = reader.read("Sorry, nothing is free then. I can do Monday the twenty eighth at eight a m or eight thirty a m. Which would you like?");

        assertThat(r.options()).containsExactly(LocalDateTime.of(2026, 12, 28, 8, 0), LocalDateTime.of(2026, 12, 28, 8, 30));
    }

    @Test
    void questionsAreToldApartByTheirWords() {
        assertThat(reader.read("What's your name?").ask()).isEqualTo(Reading.Ask.NAME);
        assertThat(reader.read("Is +447700900123 the best number to reach you on? (yes/no)").ask())
                .isEqualTo(Reading.Ask.PHONE_CHECK);
        assertThat(reader.read("What's the best number to reach you on?").ask()).isEqualTo(Reading.Ask.PHONE);
        assertThat(reader.read("And what's the address for the job?").ask()).isEqualTo(Reading.Ask.ADDRESS);
        assertThat(reader.read("Thanks. And the postcode?").ask()).isEqualTo(Reading.Ask.POSTCODE);
        assertThat(reader.read("What day and time suit you for the drain cleaning?").ask()).isEqualTo(Reading.Ask.DAY_TIME);
        assertThat(reader.read("What do you need help with?").ask()).isEqualTo(Reading.Ask.SERVICE);
        assertThat(reader.read("Which of those times would you like?").ask()).isEqualTo(Reading.Ask.OFFERS);
        assertThat(reader.read("Cancel your drain cleaning on Mon 30 Nov 11:00? (yes/no)").ask()).isEqualTo(Reading.Ask.CONFIRM);
    }
}
