package io.switchboard.telephony.outbound;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * WhatsApp Cloud API (Graph API) settings: messages are POSTed to
 * {@code {graphBaseUrl}/{apiVersion}/{phoneNumberId}/messages} with the access token as a bearer token.
 */
public record WhatsAppCloudSettings(
        URI graphBaseUrl, String apiVersion, String phoneNumberId, String accessToken, Duration timeout) {

    public static final URI GRAPH_API = URI.create("https://graph.facebook.com");

    public WhatsAppCloudSettings {
        Objects.requireNonNull(graphBaseUrl, "graphBaseUrl");
        if (!graphBaseUrl.isAbsolute() || graphBaseUrl.getHost() == null) {
            throw new IllegalArgumentException("graphBaseUrl must be an absolute http(s) URL: " + graphBaseUrl);
        }
        requirePathSegment(apiVersion, "apiVersion");
        requirePathSegment(phoneNumberId, "phoneNumberId");
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("accessToken is required");
        }
        Objects.requireNonNull(timeout, "timeout");
    }

    public URI messagesEndpoint() {
        String base = graphBaseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/" + apiVersion + "/" + phoneNumberId + "/messages");
    }

    @Override
    public String toString() {
        return "WhatsAppCloudSettings[graphBaseUrl=" + graphBaseUrl + ", apiVersion=" + apiVersion
                + ", phoneNumberId=" + phoneNumberId + ", timeout=" + timeout + "]";
    }

    private static void requirePathSegment(String value, String name) {
        if (value == null || value.isBlank() || !value.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(name + " must be a plain path segment");
        }
    }
}
