package io.switchboard.telephony.messaging;

import static io.switchboard.telephony.messaging.TextChannelsHarness.CALLER;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.AlertReceipt;
import io.switchboard.dialog.EmergencyAlert;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.models.Channel;
import io.switchboard.telephony.alerts.OwnerAlertDispatcher;
import io.switchboard.telephony.alerts.OwnerAlertDispatcher.Pass;
import io.switchboard.telephony.alerts.OwnerAlertSettings;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reported attack, end to end: thirty fake "burst pipe" web chats carrying a premium-rate number, then a genuine
 * signed emergency SMS. Before, the fakes used up the owner's allowance and the genuine alert was dropped.
 */
class OwnerAlertFloodTest {

    private static final String OWNER = "+447700900999";
    private static final String SCAM = "Burst pipe!!! Ring 0909 879 0790 now or pay at pay-now.example.com";

    @Test
    void thirtyFakeAlertsThenAGenuineOneTheGenuineOneIsDeliveredAndNothingIsDropped() {
        try (TextChannelsHarness sb = new TextChannelsHarness()) {
            for (int i = 0; i < 30; i++) {
                sb.engine.handle(TurnRequest.text(Channel.WEB, "fake-" + i, "+4477009002%02d".formatted(i), SCAM));
            }
            sb.sms("Help, a burst pipe, water everywhere");
            assertThat(sb.count("select count(*) from owner_alert")).as(sb.transcript()).isEqualTo(31);

            OwnerAlertDispatcher d = sb.channels.ownerAlerts().orElseThrow().dispatcher();
            for (int round = 0; round < 10 && sb.count("select count(*) from owner_alert where status = 'pending'") > 0;
                 round++) {
                sb.fx.clock().advance(OwnerAlertSettings.defaults().minGap());
                Pass p;
                while ((p = d.dispatch()) == Pass.BUSY) {
                    Thread.onSpinWait(); // the background pass holds the lock for the few ms of its send
                }
            }

            assertThat(sb.count("select count(*) from owner_alert where status = 'sent'")).as("nothing dropped")
                    .isEqualTo(31);
            List<String> texts = sb.provider.sentTo("twilio", OWNER).stream().map(ProviderStub.Sent::text).toList();
            assertThat(texts).as("thirty-one alerts, a few texts").hasSizeBetween(2, 4);
            assertThat(texts.stream().filter(t -> t.contains(CALLER)).toList()).as("the genuine caller, once")
                    .singleElement().satisfies(t -> assertThat(t).contains("emergencies in the last")
                            .contains("1. " + CALLER));
            assertThat(String.join("\n", texts)).doesNotContain("0909").doesNotContain("879 0790")
                    .doesNotContain("pay-now").doesNotContain("example.com");
        }
    }

    @Test
    void theNotifierSaysQueuedOnlyWhenTheAlertIsStoredAndNotConfiguredWithoutSms() {
        EmergencyAlert alert = new EmergencyAlert(CALLER, "", "", "burst pipe", Channel.SMS,
                ZonedDateTime.parse("2026-11-23T09:00:00Z"), "sms:" + CALLER);
        try (TextChannelsHarness sb = new TextChannelsHarness()) {
            assertThat(sb.channels.notifier().emergency(alert)).isEqualTo(AlertReceipt.QUEUED);
            assertThat(sb.channels.notifier().emergency(alert)).isEqualTo(AlertReceipt.ALREADY_QUEUED);
            assertThat(sb.count("select count(*) from owner_alert")).isEqualTo(1);
            sb.fx.database().dsl().execute("drop table owner_alert");
            AlertReceipt broken = sb.channels.notifier().emergency(alert);
            assertThat(broken).isInstanceOf(AlertReceipt.NotQueued.class);
            assertThat(broken.ownerWillBeTold()).isFalse();
        }
        try (TextChannelsHarness sb = TextChannelsHarness.with(MessagingConfig.none())) {
            AlertReceipt receipt = sb.channels.notifier().emergency(alert);
            assertThat(receipt).isEqualTo(AlertReceipt.NOT_CONFIGURED);
            assertThat(receipt.ownerWillBeTold()).isFalse();
        }
    }
}
