package io.switchboard.telephony.outbound;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Twilio REST settings for outbound SMS. {@code from} is either the sending number (E.164) or a Messaging Service SID
 * ({@code MG...}). {@code apiBaseUrl} replaces {@code https://api.twilio.com} (tests, proxies); null means Twilio.
 */
public record TwilioSmsSettings(
        String accountSid, String authToken, String from, URI apiBaseUrl, Duration timeout) {

    public TwilioSmsSettings {
        requireText(accountSid, "accountSid");
        requireText(authToken, "authToken");
        requireText(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        if (apiBaseUrl != null && (!apiBaseUrl.isAbsolute() || apiBaseUrl.getHost() == null)) {
            throw new IllegalArgumentException("apiBaseUrl must be an absolute http(s) URL: " + apiBaseUrl);
        }
    }

    public TwilioSmsSettings(String accountSid, String authToken, String from) {
        this(accountSid, authToken, from, null, Duration.ofSeconds(10));
    }

    public boolean usesMessagingService() {
        return from.startsWith("MG");
    }

    @Override
    public String toString() {
        // Keeps the auth token out of logs and exception messages.
        return "TwilioSmsSettings[accountSid=" + accountSid + ", from=" + (usesMessagingService() ? from : "***")
                + ", apiBaseUrl=" + apiBaseUrl + ", timeout=" + timeout + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
