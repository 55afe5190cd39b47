package io.switchboard.telephony.messaging;

import io.switchboard.scheduling.identity.CodeSettings;
import io.switchboard.telephony.alerts.OwnerAlertSettings;

import java.util.Objects;

/**
 * Everything the text channels are configured with: which channels are on ({@link MessagingConfig}), how webhooks
 * answer ({@link WebhookSettings}), how owner alerts are spaced ({@link OwnerAlertSettings}) and the one-time-code
 * limits ({@link CodeSettings}). The server's settings tree reads each part on its own, so every bad key of them is
 * reported at once.
 */
public record TextChannelSettings(MessagingConfig channels, WebhookSettings webhooks, OwnerAlertSettings ownerAlerts,
                                  CodeSettings codes) {

    public TextChannelSettings {
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(ownerAlerts, "ownerAlerts");
        Objects.requireNonNull(codes, "codes");
    }
}
