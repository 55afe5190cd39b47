package io.switchboard.dialog.llm;

import io.switchboard.models.Intent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LlmOutputParserTest {

    private final LlmOutputParser parser = new LlmOutputParser();
    private final LlmContext context = LlmTestContexts.bristolPlumbing("name");

    private Optional<LlmInterpretation> parse(String reply) {
        return parser.parse(reply, context);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "null",
            "[]",
            "\"book\"",
            "{\"intent\":\"book\"",
            "{\"intent\":\"book\"} {\"intent\":\"cancel\"}",
            "{\"intent\":\"book\",\"intent\":\"cancel\"}",
            "{\"name\":\"Bob\"}",
            "{\"intent\":42}",
            "{\"intent\":\"delete_all_appointments\"}",
            "{\"intent\":\"unknown\"}",
            "{\"intent\":\"unknown\",\"name\":\"   \",\"service_id\":\"nope\"}",
            "OK. {\"intent\":\"book\"}",
            "```\n{\"intent\":\"book\"}\n``` and more",
    })
    void unusableRepliesGiveNothing(String reply) {
        assertThat(parse(reply)).isEmpty();
    }

    @Test
    void anOversizedReplyIsRejectedBeforeParsing() {
        String huge = "{\"intent\":\"book\",\"problem\":\"" + "a".repeat(LlmOutputParser.MAX_REPLY_CHARS) + "\"}";

        assertThat(parse(huge)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "book            | BOOK",
            "BOOK            | BOOK",
            "owner_briefing  | OWNER_BRIEFING",
            "owner briefing  | OWNER_BRIEFING",
            "' Reschedule '  | RESCHEDULE",
            "goodbye         | GOODBYE",
    })
    void intentsAreReadLeniently(String said, Intent expected) {
        assertThat(parse("{\"intent\":\"" + said + "\"}")).map(LlmInterpretation::intent).contains(expected);
    }

    @Test
    void detailsWithoutAnIntentAreKeptAsUnknown() {
        LlmInterpretation i = parse("{\"intent\":\"unknown\",\"name\":\"Priya Patel\"}").orElseThrow();

        assertThat(i.intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(i.name()).contains("Priya Patel");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "07911 123456        | +447911123456",
            "+44 7911 123456     | +447911123456",
            "(0117) 496 0123     | +441174960123",
            "0044 7911 123 456   | +447911123456",
    })
    void phoneNumbersBecomeE164InTheBusinessRegion(String said, String e164) {
        assertThat(parse("{\"intent\":\"book\",\"phone\":\"" + said + "\"}").orElseThrow().phone()).contains(e164);
    }

    @Test
    void theDramaRangeUsedInExamplesIsAccepted() {
        // 07700 900xxx is Ofcom's range for drama; like every phone in the system it is accepted as possible
        assertThat(parse("{\"intent\":\"book\",\"phone\":\"07700 900123\"}").orElseThrow().phone())
                .contains("+447700900123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "call me", "07911 123", "+1 555 0100 0000 0000 0000 0000 0000 0000 0000 00"})
    void invalidPhoneNumbersAreDropped(String said) {
        LlmInterpretation i = parse("{\"intent\":\"book\",\"phone\":\"" + said + "\"}").orElseThrow();

        assertThat(i.phone()).isEmpty();
        assertThat(i.intent()).isEqualTo(Intent.BOOK);
    }

    @Test
    void aPhoneNumberAsAJsonNumberIsDropped() {
        assertThat(parse("{\"intent\":\"book\",\"phone\":7700900123}").orElseThrow().phone()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-09", "2026-03-11", "2025-02-29", "14/03/2025", "2025-3-14", "tomorrow",
            "2025-03-14T10:00"})
    void datesOutsideTheWindowOrNotIsoAreDropped(String said) {
        assertThat(parse("{\"intent\":\"book\",\"date\":\"" + said + "\"}").orElseThrow().date()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"00:00 | 00:00", "09:05 | 09:05", "23:59 | 23:59", "' 14:30 ' | 14:30"})
    void timesInHhMmAreKept(String said, LocalTime expected) {
        assertThat(parse("{\"intent\":\"book\",\"time\":\"" + said + "\"}").orElseThrow().time()).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"24:00", "9:30", "3pm", "14:30:00", "14.30", "12:60", "half two"})
    void otherTimesAreDropped(String said) {
        assertThat(parse("{\"intent\":\"book\",\"time\":\"" + said + "\"}").orElseThrow().time()).isEmpty();
    }

    @Test
    void serviceIdsMustBeTheBusinesssOwnAndAreCanonicalised() {
        assertThat(parse("{\"intent\":\"book\",\"service_id\":\"Boiler-Repair\"}").orElseThrow().serviceId())
                .contains("boiler-repair");
        assertThat(parse("{\"intent\":\"book\",\"serviceId\":\"drain-cleaning\"}").orElseThrow().serviceId())
                .contains("drain-cleaning");
        assertThat(parse("{\"intent\":\"book\",\"service_id\":\"boiler repair\"}").orElseThrow().serviceId())
                .isEmpty();
    }

    @Test
    void freeTextIsCleanedAndCapped() {
        String reply = """
                {"intent":"book",
                 "name":"  Bob\\u0000 \\u202eMarley\\n ",
                 "address":"%s",
                 "problem":"%s"}""".formatted("a".repeat(500), "b ".repeat(400));

        LlmInterpretation i = parse(reply).orElseThrow();

        assertThat(i.name()).contains("Bob Marley");
        assertThat(i.address()).hasValueSatisfying(a -> assertThat(a).hasSize(LlmOutputParser.MAX_ADDRESS));
        assertThat(i.problem()).hasValueSatisfying(p -> assertThat(p.length()).isLessThanOrEqualTo(300)
                .isGreaterThan(290));
    }

    @Test
    void aLongNameIsCutAt80CharactersWithoutSplittingAnEmoji() {
        String name = "x".repeat(79) + "\uD83D\uDE00" + "tail";

        LlmInterpretation i = parse("{\"intent\":\"book\",\"name\":\"" + name + "\"}").orElseThrow();

        assertThat(i.name()).contains("x".repeat(79));
    }

    @Test
    void wrongTypesAreDroppedAndEmergencyMustBeABoolean() {
        LlmInterpretation i = parse("""
                {"intent":"emergency","name":{"first":"Bob"},"address":["1 Road"],"emergency":"yes",
                 "extra":"ignored"}""").orElseThrow();

        assertThat(i.intent()).isEqualTo(Intent.EMERGENCY);
        assertThat(i.name()).isEmpty();
        assertThat(i.address()).isEmpty();
        assertThat(i.emergency()).isFalse();
        assertThat(parse("{\"intent\":\"emergency\",\"emergency\":true}").orElseThrow().emergency()).isTrue();
    }

    @Test
    void toStringDoesNotShowPersonalDetails() {
        LlmInterpretation i = parse("{\"intent\":\"book\",\"name\":\"Bob Marley\",\"phone\":\"07911123456\"}")
                .orElseThrow();

        assertThat(i.toString()).doesNotContain("Bob", "123456").contains("BOOK");
    }
}
