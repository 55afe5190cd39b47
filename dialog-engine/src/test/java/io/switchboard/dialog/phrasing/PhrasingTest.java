package io.switchboard.dialog.phrasing;

import io.switchboard.models.Greeting;

import io.switchboard.models.Channel;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PhrasingTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private final Phrasing voice = Phrasing.forChannel(Channel.VOICE);
    private final Phrasing sms = Phrasing.forChannel(Channel.SMS);

    private static ZonedDateTime at(LocalDate d, int h, int m) {
        return ZonedDateTime.of(d.atTime(h, m), LONDON);
    }

    @Test
    void theBusinessesOwnGreetingIsUsedPerChannelWhenItsProfileSetsOne() {
        var dentist = TestProfiles.dentist();
        var plumber = TestProfiles.sample();

        assertThat(voice.greeting(dentist)).isEqualTo("Thank you for calling Bristol Dental. I'm the practice's "
                + "automated assistant, and this call is transcribed. How can I help?");
        assertThat(sms.greeting(dentist)).isEqualTo("Hi, this is Bristol Dental's automated assistant. How can we help?");
        assertThat(voice.greeting(plumber)).isEqualTo(voice.greeting("Bristol Plumbing"))
                .isEqualTo("Thanks for calling Bristol Plumbing. You're speaking with an automated assistant, and "
                        + "this call is transcribed. How can I help you today?");
        assertThat(sms.greeting(plumber)).isEqualTo(sms.greeting("Bristol Plumbing"));
    }

    @Test
    void everyCallIsToldItIsAnAutomatedAssistantAndTranscribedAfterTheWelcomeWhateverTheBusinessWrote() {
        var plumber = TestProfiles.sample();
        var oneSentence = plumber.withGreeting(new Greeting("Bristol Plumbing, hello!", "",
                "This is a robot and we keep a transcript."));
        var ownWordsOnly = plumber.withGreeting(new Greeting("Hello from Bristol Plumbing. What's up?", ""));

        assertThat(voice.greeting(oneSentence)).isEqualTo("Bristol Plumbing, hello! This is a robot and we keep a "
                + "transcript.");
        assertThat(voice.greeting(ownWordsOnly)).isEqualTo("Hello from Bristol Plumbing. "
                + Greeting.STANDARD_DISCLOSURE + " What's up?");
        assertThat(sms.greeting(ownWordsOnly)).doesNotContain("transcribed");
    }

    @Test
    void voiceSpeaksTimesAndDatesAsWords() {
        assertThat(voice.time(LocalTime.of(10, 30))).isEqualTo("ten thirty a m");
        assertThat(voice.time(LocalTime.of(14, 5))).isEqualTo("two oh five p m");
        assertThat(voice.time(LocalTime.NOON)).isEqualTo("noon");
        assertThat(voice.when(at(MONDAY.plusDays(1), 9, 0), MONDAY)).isEqualTo("tomorrow at nine a m");
        assertThat(voice.day(MONDAY.plusDays(3), MONDAY)).isEqualTo("Thursday");
        assertThat(voice.day(MONDAY.plusDays(10), MONDAY)).isEqualTo("Thursday the third");
    }

    @Test
    void voiceOffersRangesNotListsAndNoSymbols() {
        String ranges = voice.offerRanges(MONDAY.plusDays(1), List.of(new TimeSlot(at(MONDAY.plusDays(1), 11, 0),
                at(MONDAY.plusDays(1), 15, 0))), MONDAY, null);

        assertThat(ranges).isEqualTo("Tomorrow I have openings from eleven a m to three p m. What time suits you?");
        for (var faq : TestProfiles.sample().faq()) {
            assertThat(voice.relay(faq.answer())).doesNotContain("£", "&", "%", "#", "*");
        }
        assertThat(voice.relay("A call-out is £145 & up")).isEqualTo("A call-out is 145 pounds and up");
    }

    @Test
    void textListsOptionsConciselyAndStaysShort() {
        String offer = sms.offerStarts(List.of(at(MONDAY.plusDays(1), 9, 0), at(MONDAY.plusDays(1), 9, 30),
                at(MONDAY.plusDays(2), 14, 0)), MONDAY, "Sorry, 8:00 is taken.");

        assertThat(offer).isEqualTo("Sorry, 8:00 is taken. I can do: 1) tomorrow 09:00 2) tomorrow 09:30 3) Wed 25 Nov 14:00."
                + " Which suits you?");
        String longAddress = "Flat 12, The Very Long Named Building, 123 Extremely Long Street Name, Clifton, Bristol BS8 1AA";
        assertThat(sms.confirmBooking("tankless water heater installation", at(MONDAY.plusDays(9), 8, 0), longAddress,
                MONDAY).length()).isLessThanOrEqualTo(320);
    }
}
