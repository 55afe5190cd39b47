package io.switchboard.telephony.messaging;

import io.switchboard.telephony.outbound.TwilioSmsSettings;
import java.net.URI;
import java.time.Duration;

/**
 * The SMS channel's Twilio settings.
 *
 * @param from             the sending number (E.164) or a Messaging Service SID ({@code MG...})
 * @param apiBaseUrl       replaces {@code https://api.twilio.com}; null for Twilio itself
 * @param publicBaseUrl    how Twilio reaches this server; the signed webhook URL is built from it. Null only when
 *                         {@code verifySignatures} is false
 * @param verifySignatures false disables the {@code X-Twilio-Signature} check: local development only
 */
public record TwilioChannelConfig(String accountSid, String authToken, String from, URI apiBaseUrl,
                                  URI publicBaseUrl, boolean verifySignatures) {

    public TwilioChannelConfig {
        if (verifySignatures && publicBaseUrl == null) {
            throw new IllegalArgumentException("the public base URL is needed to verify Twilio signatures");
        }
        // Validates the outbound half up front, so a typo fails at start-up.
        new TwilioSmsSettings(accountSid, authToken, from, apiBaseUrl, Duration.ofSeconds(10));
    }

    public TwilioSmsSettings smsSettings() {
        return new TwilioSmsSettings(accountSid, authToken, from, apiBaseUrl, Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
        return "TwilioChannelConfig[accountSid=" + accountSid + ", apiBaseUrl=" + apiBaseUrl + ", publicBaseUrl="
                + publicBaseUrl + ", verifySignatures=" + verifySignatures + "]";
    }
}
