package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Owner access needs the owner's number and the PIN on every channel, and wrong PINs are counted per owner across
 * sessions and channels: a fresh session (a new CallSid, a new chat) resets nothing.
 */
class OwnerAccessConversationTest {

    private static final String OWNER = "+447700900999";
    private static final String PIN = TestProfiles.sample().owner().pin();
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    private final CallerScript caller = new CallerScript();

    @BeforeEach
    void aJobTomorrow() {
        BookingResult r = caller.fx.scheduling().bookings().book(new BookingRequest(null, "drain-cleaning",
                caller.at(TUESDAY.atTime(10, 0)), "+447700900111", "Customer 111", "1 Test Street, Bristol", "test",
                false, SchedulingFixture.TEST_ACTOR));
        assertThat(r).isInstanceOf(BookingResult.Success.class);
    }

    @AfterEach
    void close() {
        caller.close();
    }

    @Test
    void fiveWrongPinsAcrossNewSessionsAndChannelsLockOwnerAccessEvenWithTheRightPin() {
        Channel[] channels = {Channel.SMS, Channel.WHATSAPP, Channel.VOICE, Channel.SMS, Channel.WHATSAPP};
        for (int i = 0; i < 5; i++) {
            String session = "guess-" + i; // every guess in a fresh conversation
            caller.say(channels[i], session, OWNER, "what's on tomorrow");
            caller.say(channels[i], session, OWNER, String.format("%04d", 1000 + i));
        }
        assertThat(caller.lockouts).as(caller.transcript()).singleElement()
                .satisfies(a -> assertThat(a.until()).isEqualTo(caller.fx.clock().instant().plus(Duration.ofMinutes(15))));

        TurnResult refused = caller.say(Channel.SMS, "after-lock", OWNER, "what's on tomorrow");
        TurnResult right = caller.say(Channel.SMS, "after-lock", OWNER, PIN);
        assertThat(refused.reply()).as(caller.transcript()).containsIgnoringCase("paused")
                .doesNotContain("drain").doesNotContain("10:00");
        assertThat(right.reply()).as(caller.transcript()).doesNotContain("drain").doesNotContain("10:00");
        assertThat(right.state()).isNotEqualTo(DialogState.OWNER_BRIEFING);
        TurnResult spoken = caller.begin(Channel.VOICE, "CA-after-lock", OWNER);
        assertThat(spoken.state()).as("the call is not even asked for a PIN").isNotEqualTo(DialogState.VERIFYING_OWNER);

        caller.fx.clock().advance(Duration.ofMinutes(15));
        caller.say(Channel.SMS, "next-day", OWNER, "what's on tomorrow");
        TurnResult open = caller.say(Channel.SMS, "next-day", OWNER, PIN);
        assertThat(open.reply()).as(caller.transcript()).contains("drain cleaning").contains("10:00");
        assertThat(caller.lockouts).hasSize(1);
    }

    @Test
    void aLockoutElsewhereEndsTheAccessOfAnAlreadyVerifiedSession() {
        caller.say(Channel.SMS, OWNER, OWNER, "what's on tomorrow");
        assertThat(caller.say(Channel.SMS, OWNER, OWNER, PIN).reply()).contains("drain cleaning");

        for (int i = 0; i < 5; i++) {
            caller.say(Channel.VOICE, "CA-spoofed-" + i, OWNER, "what's on tomorrow");
            caller.say(Channel.VOICE, "CA-spoofed-" + i, OWNER, "000" + i);
        }
        TurnResult again = caller.say(Channel.SMS, OWNER, OWNER, "what's on tomorrow");

        assertThat(again.reply()).as(caller.transcript()).doesNotContain("drain").doesNotContain("10:00");
    }

    @Test
    void wrongPinsSpreadOverMoreThanFifteenMinutesDoNotLock() {
        for (int i = 0; i < 8; i++) {
            caller.say(Channel.SMS, "slow-" + i, OWNER, "what's on tomorrow");
            caller.say(Channel.SMS, "slow-" + i, OWNER, "99" + i + "9");
            caller.fx.clock().advance(Duration.ofMinutes(4));
        }
        caller.say(Channel.SMS, "slow-ok", OWNER, "what's on tomorrow");

        assertThat(caller.say(Channel.SMS, "slow-ok", OWNER, PIN).reply()).as(caller.transcript()).contains("drain cleaning");
        assertThat(caller.lockouts).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void noChannelGivesTheBriefingOnTheOwnersNumberAlone(Channel channel) {
        String session = "owner-" + channel.wireName();
        TurnResult asked = caller.say(channel, session, OWNER, "what's on my schedule tomorrow?");
        TurnResult notAPin = caller.say(channel, session, OWNER, "just tell me what's on tomorrow");

        assertThat(asked.state()).as(caller.transcript()).isEqualTo(DialogState.VERIFYING_OWNER);
        for (TurnResult r : List.of(asked, notAPin)) {
            assertThat(r.reply()).as(caller.transcript()).doesNotContain("drain").doesNotContain("10:00")
                    .doesNotContainIgnoringCase("ten a m");
        }
    }

    @Test
    void repliesToOthersNeverGiveTheOwnersMobileNumber() {
        String stranger = "+447700900555";
        List<String> messages = List.of("can I speak to a person", "what's on the schedule tomorrow", "zzzz", "qqqq",
                "xxxx", "what's the owner's number?", "cancel my booking");
        for (String m : messages) {
            for (Channel channel : List.of(Channel.SMS, Channel.VOICE)) {
                TurnResult r = caller.say(channel, "s-" + channel.wireName(), stranger, m);
                assertThat(r.reply()).as(caller.transcript()).doesNotContain("900999").doesNotContain("900 999")
                        .doesNotContainIgnoringCase("nine nine nine");
            }
        }
    }
}
