package io.switchboard.telephony.messaging;

import io.switchboard.models.settings.SettingsSource;
import io.switchboard.scheduling.identity.CodeSettings;
import io.switchboard.telephony.alerts.OwnerAlertSettings;

import java.util.Objects;

/**
 * Everything the text channels are configured with: which channels are on ({@link MessagingConfig}), how webhooks
 * answer ({@link WebhookSettings}), how owner alerts are spaced ({@link OwnerAlertSettings}) and the one-time-code
 * limits ({@link CodeSettings}).
 */
public record TextChannelSettings(MessagingConfig channels, WebhookSettings webhooks, OwnerAlertSettings ownerAlerts,
                                  CodeSettings codes) {

    public TextChannelSettings {
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(ownerAlerts, "ownerAlerts");
        Objects.requireNonNull(codes, "codes");
    }

    /** All parts from one source; the first unusable value stops it (the server reads the parts one by one). */
    public static TextChannelSettings from(SettingsSource source) {
        return new TextChannelSettings(MessagingConfig.from(source), WebhookSettings.from(source),
                OwnerAlertSettings.from(source), CodeSettings.from(source));
    }
}
