package io.switchboard.telephony.voice;

import io.switchboard.models.settings.SettingsSource;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Live transfer of voice calls to a person: {@code SWITCHBOARD_TRANSFER_NUMBER} (E.164) is where a caller who asks for
 * one is put through, within the business's opening hours, by a Twilio call update; it needs the account's
 * {@code TWILIO_ACCOUNT_SID} and {@code TWILIO_AUTH_TOKEN}, and {@code TWILIO_API_BASE_URL} is optional (tests,
 * proxies). Without the number callers leave a message instead.
 *
 * @param apiBaseUrl replaces {@code https://api.twilio.com}; null means Twilio
 */
public record LiveTransferSettings(String number, String accountSid, String authToken, URI apiBaseUrl,
                                   Duration timeout) {

    public static final String TRANSFER_NUMBER = "SWITCHBOARD_TRANSFER_NUMBER";
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public LiveTransferSettings {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(timeout, "timeout");
        if (!E164.matcher(number).matches()) {
            throw new IllegalArgumentException(TRANSFER_NUMBER + " must be an E.164 number like +447700900999");
        }
        if (apiBaseUrl != null && (!apiBaseUrl.isAbsolute() || apiBaseUrl.getHost() == null)) {
            throw new IllegalArgumentException("TWILIO_API_BASE_URL must be an absolute http(s) URL");
        }
    }

    /**
     * The settings when {@link #TRANSFER_NUMBER} is set, else empty.
     *
     * @throws IllegalArgumentException naming the variable when the number is malformed or the Twilio credentials
     *                                  are missing
     */
    public static Optional<LiveTransferSettings> from(SettingsSource source) {
        String number = source.getOrDefault(TRANSFER_NUMBER, "").strip().replaceAll("[\\s()-]", "");
        if (number.isEmpty()) {
            return Optional.empty();
        }
        String sid = source.getOrDefault("TWILIO_ACCOUNT_SID", "").strip();
        String token = source.getOrDefault("TWILIO_AUTH_TOKEN", "").strip();
        if (sid.isEmpty() || token.isEmpty()) {
            throw new IllegalArgumentException(TRANSFER_NUMBER + " needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN to "
                    + "transfer calls");
        }
        String base = source.getOrDefault("TWILIO_API_BASE_URL", "").strip();
        return Optional.of(new LiveTransferSettings(number, sid, token, base.isEmpty() ? null : URI.create(base),
                Duration.ofSeconds(10)));
    }

    @Override
    public String toString() {
        // Keeps the auth token and the owner's number out of logs.
        return "LiveTransferSettings[number=***, accountSid=" + accountSid + ", apiBaseUrl=" + apiBaseUrl + "]";
    }
}
