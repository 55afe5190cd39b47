package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.phrasing.Phrasing;
import io.switchboard.models.Channel;
import io.switchboard.dialog.phrasing.VoicePhrasing;
import io.switchboard.models.SafetyRule;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safety first: a caller who describes a danger the profile has advice for hears the advice before any booking
 * question, on every channel, and the owner is alerted. The wordings below are the issue's own plus ones written
 * without looking at the profile's signs.
 */
class SafetyConversationTest {

    private static final String GAS = rule("gas").advice();
    private static final String WATER = rule("water-electrics").advice();

    private final CallerScript caller = new CallerScript();

    @AfterEach
    void close() {
        caller.close();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            // the wordings
            "gas             | there's a strong smell of gas in the kitchen near the boiler",
            "gas             | my carbon monoxide alarm is beeping",
            "water-electrics | water pouring through the ceiling",
            "water-electrics | I've got a burst pipe",
            // phrased differently, not tuned against the signs
            "gas             | I can smell gas in the hallway",
            "gas             | it smells gassy in here, can someone come",
            "gas             | the CO detector keeps going off",
            "gas             | i think there's a gas leak under the stairs",
            "gas             | Hi, there's a whiff of gas by the cooker",
            "water-electrics | the ceiling downstairs is dripping water",
            "water-electrics | water is coming through the kitchen ceiling onto the lights",
            "water-electrics | a pipe has burst in the loft",
            "water-electrics | pipes burst overnight and the hall is soaked",
            "water-electrics | there's water streaming out of the light fitting"})
    void theAdviceComesBeforeAnyBookingQuestionOnText(String ruleId, String said) {
        TurnResult r = caller.sms(said);
        String advice = Phrasing.forChannel(Channel.SMS).safetyAdvice(rule(ruleId).advice());
        assertThat(r.reply()).as(caller.transcript()).startsWith(advice);
        assertThat(r.reply()).doesNotContain("didn't understand", "didn't catch");
        assertThat(r.has(DialogAction.EmergencyFlagged.class)).isTrue();
        assertThat(caller.alerts).as("the owner is alerted").hasSize(1);
        assertThat(caller.alerts.getFirst().problem()).isEqualTo(said.strip());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "gas             | I can smell gas",
            "gas             | the carbon monoxide alarm went off",
            "water-electrics | water pouring through the ceiling",
            "water-electrics | we've got a burst pipe",
            // as the recogniser hears a caller's "water is pouring through my ceiling"
            "water-electrics | what is pouring through my ceiling"})
    void theSpokenAdviceComesFirstOnACallAndIsInThePromptCache(String ruleId, String said) {
        TurnResult r = caller.voice(said);
        String spoken = Phrasing.forChannel(Channel.VOICE).safetyAdvice(rule(ruleId).advice());
        assertThat(r.reply()).as(caller.transcript()).startsWith(spoken);
        assertThat(r.reply()).doesNotContain("didn't catch");
        assertThat(VoicePhrasing.fixedSentences(TestProfiles.sample())).contains(spoken);
        assertThat(caller.alerts).hasSize(1);
    }

    @Test
    void theGasLineIsReadDigitByDigitOnAVoiceCall() {
        String spoken = Phrasing.forChannel(Channel.VOICE).safetyAdvice(GAS);
        assertThat(spoken).contains("oh eight oh oh, one one one, nine nine nine").doesNotContain("0800");
    }

    @Test
    void theAdviceIsSaidOnceAndTheBookingThenGoesOn() {
        TurnResult first = caller.sms("help, water is pouring through the ceiling");
        assertThat(first.reply()).startsWith(WATER);
        assertThat(first.reply()).contains("?"); // the booking's next question comes after the advice
        assertThat(first.reply().indexOf('?')).isGreaterThan(WATER.length());
        TurnResult second = caller.sms("the water is still coming through the ceiling");
        assertThat(second.reply()).as(caller.transcript()).doesNotContain(WATER);
        assertThat(caller.alerts).as("one alert per conversation").hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "there's no smell of gas, the boiler just won't light",
            "can you fit a carbon monoxide alarm next week",
            "I can't smell gas any more, the engineer fixed it",
            "my gas boiler needs a service"})
    void wordsThatAreNotADangerGetNoAdvice(String said) {
        TurnResult r = caller.sms(said);
        assertThat(r.reply()).as(caller.transcript()).doesNotContain(GAS).doesNotContain(WATER);
    }

    @Test
    void adviceMidBookingStillComesFirst() {
        caller.sms("i need a drain cleaning tomorrow");
        TurnResult r = caller.sms("oh no, now I can smell gas");
        assertThat(r.reply()).as(caller.transcript()).startsWith(GAS);
    }

    private static SafetyRule rule(String id) {
        return TestProfiles.sample().safety().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
