package io.switchboard.telephony.messaging;

import static io.switchboard.telephony.messaging.TextChannelsHarness.CALLER;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.telephony.messaging.TextChannelsHarness.Reply;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the server does with channels switched off or signature checks disabled. */
class TextChannelsConfigurationTest {

    @Test
    void unconfiguredChannelsAnswer503AndAlertsOnlyGetLogged() {
        try (TextChannelsHarness sb = TextChannelsHarness.with(MessagingConfig.none())) {
            assertThat(sb.sms("Hi").status()).isEqualTo(503);
            assertThat(sb.get(WhatsAppWebhook.PATH + "?hub.mode=subscribe").status()).isEqualTo(503);
            assertThat(sb.whatsApp("{}").status()).isEqualTo(503);
            // alerts are only logged: nothing can text the owner or the caller
            assertThat(sb.channels.notifier().textsCallers()).isFalse();
            assertThat(sb.channels.notifier().emergency(new io.switchboard.dialog.EmergencyAlert(CALLER, "", "",
                    "burst pipe", io.switchboard.models.Channel.SMS, sb.fx.clock().instant()
                    .atZone(java.time.ZoneOffset.UTC)))).isEqualTo(io.switchboard.dialog.AlertReceipt.NOT_CONFIGURED);
            assertThat(sb.count("select count(*) from processed_message")).isZero();
        }
    }

    @Test
    void withVerificationSwitchedOffUnsignedSmsIsAccepted() {
        TwilioChannelConfig devSms = new TwilioChannelConfig(TextChannelsHarness.ACCOUNT,
                TextChannelsHarness.AUTH_TOKEN, TextChannelsHarness.BUSINESS_NUMBER, null, null, false);
        try (TextChannelsHarness sb = TextChannelsHarness.with(new MessagingConfig(Optional.of(devSms),
                Optional.empty()))) {
            Reply r = sb.postForm(TwilioSmsWebhook.PATH,
                    TextChannelsHarness.smsParams(sb.nextSid(), CALLER, "HELP", 0), null);

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.message()).hasValueSatisfying(t -> assertThat(t).contains("Bristol Plumbing"));
            assertThat(sb.channels.notifier().textsCallers()).as("the SMS notifier").isTrue();
        }
    }
}
