package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.models.Appointment;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a booking collects follows the business profile, and replies promise only what is configured: a dental
 * practice's patients come in, so no address is asked or stored; without SMS a voice booking promises no text.
 */
class IntakeConversationTest {

    @Test
    void aDentistBooksWithoutEverAskingForAnAddress() {
        try (CallerScript caller = new CallerScript(TestProfiles.dentist(), DisabledLlmFallback.INSTANCE, false)) {
            TurnResult r = caller.sms("hi could i book a check-up tomorrow at 10am please, I'm coming to you");
            for (int turn = 0; turn < 8 && r.state() != DialogState.BOOKED; turn++) {
                String asked = r.reply().toLowerCase(Locale.ROOT);
                assertThat(asked).as(caller.transcript()).doesNotContain("address");
                if (asked.contains("name")) {
                    r = caller.sms("Aoife O'Brien");
                } else if (asked.contains("number")) {
                    r = caller.sms("yes");
                } else if (asked.contains("problem") || asked.contains("what's it for") || asked.contains("briefly")) {
                    r = caller.sms("just a routine check");
                } else {
                    r = caller.sms("yes please");
                }
            }

            assertThat(r.state()).as(caller.transcript()).isEqualTo(DialogState.BOOKED);
            List<Appointment> booked = caller.booked();
            assertThat(booked).as(caller.transcript()).hasSize(1);
            assertThat(booked.get(0).serviceId()).isEqualTo("check-up");
            assertThat(booked.get(0).customer().name()).isEqualTo("Aoife O'Brien");
            assertThat(booked.get(0).address()).as("nothing the patient said is kept as an address").isBlank();
        }
    }

    @Test
    void aVoiceBookingPromisesATextOnlyWhenTheDeploymentCanText() {
        assertThat(bookByVoice(false)).doesNotContainIgnoringCase("text you");
        assertThat(bookByVoice(true)).containsIgnoringCase("I'll text you the details");
    }

    private static String bookByVoice(boolean texts) {
        try (CallerScript caller = new CallerScript(TestProfiles.sample(), DisabledLlmFallback.INSTANCE, texts)) {
            caller.voice("i need a drain cleaning tomorrow at ten a m");
            caller.voice("dave jenkins");
            caller.voice("yes");
            caller.voice("fourteen gloucester road b s seven eight a e");
            caller.voice("the kitchen sink is blocked");
            TurnResult r = caller.voice("yes");
            assertThat(r.state()).as(caller.transcript()).isEqualTo(DialogState.BOOKED);
            return r.reply();
        }
    }
}
