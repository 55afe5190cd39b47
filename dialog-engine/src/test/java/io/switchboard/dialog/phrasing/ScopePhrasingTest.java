package io.switchboard.dialog.phrasing;

import io.switchboard.models.Channel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScopePhrasingTest {

    @Test
    void oneShortQuestionBetweenTwoServices() {
        for (Channel ch : List.of(Channel.SMS, Channel.VOICE)) {
            assertThat(Phrasing.forChannel(ch).askWhichService(List.of("water heater repair",
                    "tankless water heater installation")))
                    .isEqualTo("Is that a water heater repair, or a tankless water heater installation?");
        }
        assertThat(Phrasing.forChannel(Channel.SMS).askWhichService(List.of("emergency appointment", "filling")))
                .isEqualTo("Is that an emergency appointment, or a filling?");
    }

    @Test
    void aDeclineSaysWhatTheBusinessDoes() {
        assertThat(Phrasing.forChannel(Channel.VOICE).outOfScope("Bristol Dental", List.of("check-up",
                "hygienist appointment", "filling")))
                .isEqualTo("Sorry, that's not something we do. Bristol Dental does check-up, hygienist appointment"
                        + " and filling.");
    }
}
