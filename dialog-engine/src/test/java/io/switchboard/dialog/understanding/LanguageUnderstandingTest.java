package io.switchboard.dialog.understanding;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Intent;
import io.switchboard.models.PartOfDay;
import io.switchboard.models.ServiceType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageUnderstandingTest {

    private static final BusinessProfile PROFILE = SampleProfiles.bristolPlumbing();
    private final LanguageUnderstanding understanding = new LanguageUnderstanding();

    private Understanding understand(String text, Expectation expected) {
        return understanding.understand(text, new UnderstandingContext(SampleProfiles.NOW, PROFILE, expected, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "?!?", "\u0000\u0001", "\uD83D\uDE00\uD83D\uDE00", "....", "@@@ ///"})
    void emptyOrGarbageIsUnknownWithNoSlots(String text) {
        Understanding u = understand(text, Expectation.NONE);
        assertThat(u.intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(u.confident()).isFalse();
        assertThat(u.name()).isEmpty();
        assertThat(u.phone()).isEmpty();
        assertThat(u.address()).isEmpty();
        assertThat(u.service()).isEmpty();
        assertThat(u.times()).isEmpty();
        assertThat(u.digits()).isEmpty();
        assertThat(u.choice()).isEmpty();
        assertThat(u.emergency()).isFalse();
    }

    @Test
    void nullTextIsUnknown() {
        assertThat(understand(null, Expectation.NAME).intent()).isEqualTo(Intent.UNKNOWN);
    }

    @Test
    void randomNoiseNeverThrows() {
        Random random = new Random(42);
        for (int i = 0; i < 60; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(200);
            for (int k = 0; k < length; k++) {
                b.append((char) random.nextInt(0x3000));
            }
            for (Expectation e : Expectation.values()) {
                assertThat(understand(b.toString(), e)).isNotNull();
            }
        }
    }

    @Test
    void hugeInputIsCappedNotRejected() {
        String huge = "my drain is blocked tomorrow at 3 ".repeat(5_000);
        Understanding u = understand(huge, Expectation.NONE);
        assertThat(u.original()).hasSize(TextNormalizer.MAX_INPUT_CHARS);
        assertThat(u.service()).contains(SampleProfiles.DRAIN_CLEANING);
    }

    @Test
    void aFullOpeningTurnFillsEverySlot() {
        Understanding u = understand("Hi it's Sarah Jones, my drain's blocked at 14 Gloucester Road BS7 8AE, "
                + "can someone come tomorrow afternoon? my number is 07700 900123", Expectation.NONE);
        assertThat(u.intent()).isEqualTo(Intent.BOOK);
        assertThat(u.confident()).isTrue();
        assertThat(u.name()).contains("Sarah Jones");
        assertThat(u.phone()).contains("+447700900123");
        assertThat(u.address()).contains("14 Gloucester Road, BS7 8AE");
        assertThat(u.postcode()).contains("BS7 8AE");
        assertThat(u.service()).contains(SampleProfiles.DRAIN_CLEANING);
        assertThat(u.problem()).hasValueSatisfying(p -> assertThat(p).contains("drain's blocked"));
        assertThat(u.times()).singleElement().satisfies(t -> {
            assertThat(t.date()).isEqualTo(LocalDate.of(2026, 11, 22));
            assertThat(t.partOfDay()).isEqualTo(io.switchboard.models.PartOfDay.AFTERNOON);
        });
    }

    @Test
    void anAnswerToTheQuestionAskedIsConfidentWithoutAnIntent() {
        Understanding name = understand("john smith", Expectation.NAME);
        assertThat(name.intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(name.confident()).isTrue();
        assertThat(name.name()).contains("John Smith");

        Understanding notAName = understand("john smith", Expectation.NONE);
        assertThat(notAName.name()).isEmpty();
        assertThat(notAName.confident()).isFalse();

        Understanding phone = understand("yeah it's oh seven seven double oh nine double oh one two three",
                Expectation.PHONE);
        assertThat(phone.intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(phone.confident()).isTrue();
        assertThat(phone.phone()).contains("+447700900123");
    }

    @Test
    void aLoneAmIsAMorningOnlyWhereATimeWasAskedOrADayPrecedesIt() {
        // "my name is emma wilson" as a recogniser wrote it: no time, so no new offers
        assertThat(understand("my name in am at wales and", Expectation.NAME).times()).isEmpty();
        assertThat(understand("tomorrow am", Expectation.NAME).times()).singleElement()
                .extracting(TimePreference::partOfDay).isEqualTo(PartOfDay.MORNING);
        assertThat(understand("am", Expectation.DATE_TIME).times()).singleElement()
                .extracting(TimePreference::partOfDay).isEqualTo(PartOfDay.MORNING);
    }

    @Test
    void wordsAnAddressUsedNameNoService() {
        // a mishearing of "twenty five queen street": "clean" is part of the address, not a drain cleaning
        Understanding misheard = understand("when same size clean streets", Expectation.ADDRESS);
        assertThat(misheard.address()).isPresent();
        assertThat(misheard.service()).isEmpty();
        // a service said beside the address is still heard
        Understanding both = understand("the blocked drain at 12 park road", Expectation.ADDRESS);
        assertThat(both.address()).hasValueSatisfying(a -> assertThat(a).startsWith("12 Park Road"));
        assertThat(both.service()).map(ServiceType::id).contains("drain-cleaning");
    }

    @Test
    void anAddressAnswerIsNotReadAsATime() {
        Understanding u = understand("i'm at 12 park street bs1 5th", Expectation.ADDRESS);
        assertThat(u.address()).contains("12 Park Street, BS1 5TH");
        assertThat(u.times()).isEmpty();
        Understanding unasked = understand("come to 4 the mall clifton at 3", Expectation.NONE);
        assertThat(unasked.address()).contains("4 The Mall, Clifton");
        assertThat(unasked.times()).singleElement().extracting(TimePreference::time).isEqualTo(LocalTime.of(15, 0));
    }

    @Test
    void pinDigitsOnlyWhenAskedOrMentioned() {
        assertThat(understand("one two three four", Expectation.PIN).digits()).contains("1234");
        assertThat(understand("one two three four", Expectation.PIN).confident()).isTrue();
        assertThat(understand("my pin is 4321 what's on tomorrow", Expectation.NONE).digits()).contains("4321");
        assertThat(understand("one two three four", Expectation.NONE).digits()).isEmpty();
    }

    @Test
    void pickingAnOfferIsAnAffirmWithTheChoice() {
        List<ZonedDateTime> offered = List.of(
                ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, SampleProfiles.LONDON),
                ZonedDateTime.of(2026, 11, 23, 15, 0, 0, 0, SampleProfiles.LONDON));
        Understanding u = understanding.understand("the second one",
                new UnderstandingContext(SampleProfiles.NOW, PROFILE, Expectation.SLOT_CHOICE, offered));
        assertThat(u.intent()).isEqualTo(Intent.AFFIRM);
        assertThat(u.choice()).hasValue(1);
        assertThat(u.times()).as("'the second' is the option, not 2 December").isEmpty();

        Understanding later = understanding.understand("the second of december please",
                new UnderstandingContext(SampleProfiles.NOW, PROFILE, Expectation.SLOT_CHOICE, offered));
        assertThat(later.times()).extracting(TimePreference::date).containsExactly(LocalDate.of(2026, 12, 2));

        Understanding other = understanding.understand("no, can we do thursday instead",
                new UnderstandingContext(SampleProfiles.NOW, PROFILE, Expectation.SLOT_CHOICE, offered));
        assertThat(other.intent()).isEqualTo(Intent.RESCHEDULE);
        assertThat(other.choice()).isEmpty();
        assertThat(other.times()).extracting(TimePreference::date).containsExactly(LocalDate.of(2026, 11, 26));
    }

    @Test
    void theProblemIsTheCallersOwnWords() {
        assertThat(understand("it's making a banging noise", Expectation.PROBLEM).problem())
                .contains("it's making a banging noise");
        assertThat(understand("no", Expectation.PROBLEM).problem()).isEmpty();
        assertThat(understand("yeah the kitchen sink is blocked", Expectation.PROBLEM).problem())
                .contains("yeah the kitchen sink is blocked");
    }

    @Test
    void questionsCarryTheirFaqEntry() {
        Understanding u = understand("how much do you charge?", Expectation.NONE);
        assertThat(u.intent()).isEqualTo(Intent.QUESTION);
        assertThat(u.faq()).contains(SampleProfiles.PRICES);
    }

    @Test
    void nowIsReadInTheBusinessTimeZone() {
        ZonedDateTime utcLate = ZonedDateTime.parse("2026-07-01T23:30Z[UTC]");
        Understanding u = understanding.understand("tomorrow", UnderstandingContext.of(utcLate, PROFILE));
        assertThat(u.times()).extracting(TimePreference::date).containsExactly(LocalDate.of(2026, 7, 3));
    }

    @Test
    void ownerBriefingDoesNotRaiseAnEmergency() {
        Understanding u = understand("any emergencies this afternoon", Expectation.NONE);
        assertThat(u.intent()).isEqualTo(Intent.OWNER_BRIEFING);
        assertThat(u.emergency()).isFalse();
        assertThat(u.service()).isEmpty();
    }

    @Test
    void toStringKeepsPersonalDataOut() {
        Understanding u = understand("my name is john smith, 07700900123, 12 park street", Expectation.NONE);
        assertThat(u.name()).isPresent();
        assertThat(u.toString()).doesNotContain("John", "Smith", "07700", "900123", "Park");
    }
}
