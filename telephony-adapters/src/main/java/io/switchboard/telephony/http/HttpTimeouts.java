package io.switchboard.telephony.http;

import io.switchboard.models.settings.SettingsSource;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the control plane waits on a client.
 *
 * @param idle    a connection with no bytes read or written for this long is closed (keep-alive connections too)
 * @param request a request must have arrived in full (headers and body) this long after its connection opened, or
 *                after its headers for later requests on a kept-alive connection; otherwise its connection is closed.
 *                The idle timeout alone cannot stop a client that trickles one byte at a time.
 */
public record HttpTimeouts(Duration idle, Duration request) {

    public static final String IDLE_TIMEOUT = "SWITCHBOARD_HTTP_IDLE_TIMEOUT";
    public static final String REQUEST_TIMEOUT = "SWITCHBOARD_HTTP_REQUEST_TIMEOUT";
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(30);
    /** Well under the 15 s after which Twilio gives up on a webhook. */
    public static final Duration DEFAULT_REQUEST = Duration.ofSeconds(10);

    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,6})(ms|s|m)?");

    public HttpTimeouts {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(request, "request");
        if (idle.toMillis() < 1 || request.toMillis() < 1) {
            throw new IllegalArgumentException("HTTP timeouts must be at least 1 ms");
        }
    }

    public static HttpTimeouts defaults() {
        return new HttpTimeouts(DEFAULT_IDLE, DEFAULT_REQUEST);
    }

    /**
     * {@code SWITCHBOARD_HTTP_IDLE_TIMEOUT} and {@code SWITCHBOARD_HTTP_REQUEST_TIMEOUT}: {@code 500ms}, {@code 10s},
     * {@code 2m} (a bare number is seconds).
     *
     * @throws IllegalArgumentException naming the variable whose value is unusable
     */
    public static HttpTimeouts from(SettingsSource source) {
        return new HttpTimeouts(duration(source, IDLE_TIMEOUT, DEFAULT_IDLE), duration(source, REQUEST_TIMEOUT, DEFAULT_REQUEST));
    }

    private static Duration duration(SettingsSource source, String name, Duration fallback) {
        String value = source.getOrDefault(name, "").trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return fallback;
        }
        Matcher m = AMOUNT.matcher(value);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(name + " must be a positive duration like 500ms, 10s or 2m, was '"
                    + value + "'");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
