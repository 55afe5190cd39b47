package io.switchboard.telephony.messaging;

import io.switchboard.telephony.outbound.WhatsAppCloudSettings;
import java.net.URI;
import java.time.Duration;

/**
 * The WhatsApp Cloud API channel's settings: the app secret signs webhooks, the verify token answers Meta's
 * subscription handshake, the access token and phone number id send replies through the Graph API at
 * {@code graphBaseUrl}.
 */
public record WhatsAppChannelConfig(String appSecret, String verifyToken, String accessToken, String phoneNumberId,
                                    URI graphBaseUrl, String apiVersion) {

    public static final String DEFAULT_API_VERSION = "v21.0";

    public WhatsAppChannelConfig {
        if (appSecret == null || appSecret.isBlank() || verifyToken == null || verifyToken.isBlank()) {
            throw new IllegalArgumentException("WhatsApp app secret and verify token are required");
        }
        // Validates the outbound half up front, so a typo fails at start-up.
        new WhatsAppCloudSettings(graphBaseUrl, apiVersion, phoneNumberId, accessToken, Duration.ofSeconds(10));
    }

    public WhatsAppCloudSettings cloudSettings() {
        return new WhatsAppCloudSettings(graphBaseUrl, apiVersion, phoneNumberId, accessToken, Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
        return "WhatsAppChannelConfig[phoneNumberId=" + phoneNumberId + ", graphBaseUrl=" + graphBaseUrl
                + ", apiVersion=" + apiVersion + "]";
    }
}
