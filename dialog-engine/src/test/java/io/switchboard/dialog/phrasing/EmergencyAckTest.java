package io.switchboard.dialog.phrasing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.AlertReceipt;
import io.switchboard.models.Channel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The caller hears "we've alerted the team" only when the notifier's receipt says the owner will be told. */
class EmergencyAckTest {

    private static final List<Phrasing> EVERY_CHANNEL = List.of(Phrasing.forChannel(Channel.VOICE),
            Phrasing.forChannel(Channel.SMS));

    @Test
    void aQueuedAlertIsReportedAsAlerted() {
        for (Phrasing say : EVERY_CHANNEL) {
            assertThat(say.emergencyAck(AlertReceipt.QUEUED)).contains("alerted the team");
            assertThat(say.emergencyAck(AlertReceipt.ALREADY_QUEUED)).contains("alerted the team");
        }
    }

    @Test
    void withoutAQueuedAlertNothingIsPromised() {
        for (Phrasing say : EVERY_CHANNEL) {
            for (AlertReceipt receipt : List.of(AlertReceipt.NOT_CONFIGURED,
                    new AlertReceipt.NotQueued("database down"))) {
                assertThat(say.emergencyAck(receipt)).startsWith("That sounds urgent")
                        .doesNotContainIgnoringCase("alert").doesNotContainIgnoringCase("text")
                        .doesNotContainIgnoringCase("told").doesNotContainIgnoringCase("call you");
            }
            assertThat(say.emergencyAck()).as("no receipt known").isEqualTo(say.emergencyAck(AlertReceipt.NOT_CONFIGURED));
        }
    }
}
