package io.switchboard.media.server;

import io.switchboard.models.settings.SettingsFields;
import io.switchboard.models.settings.SettingsSource;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the media WebSocket listens.
 *
 * @param host          bind address
 * @param port          TCP port; 0 picks a free one (tests)
 * @param path          WebSocket path Twilio connects to ({@code <Stream url="wss://host/media">})
 * @param maxFrameBytes largest WebSocket frame or message accepted; bigger ones close that connection
 * @param startTimeout  a connection that has not sent a valid {@code start} this long after it opened is closed, so
 *                      idle or hostile sockets hold no call resources (Twilio sends {@code start} within a second)
 */
public record MediaServerSettings(String host, int port, String path, int maxFrameBytes, Duration startTimeout) {

    public static final String START_TIMEOUT = "SWITCHBOARD_MEDIA_START_TIMEOUT";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_PORT = 8081;
    public static final String DEFAULT_PATH = "/media";
    public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024;

    public MediaServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("media port must be 0-65535, was " + port);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("media path must start with '/': " + path);
        }
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 1024");
        }
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (startTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("startTimeout must be at least 1 ms");
        }
    }

    public MediaServerSettings(String host, int port, String path, int maxFrameBytes) {
        this(host, port, path, maxFrameBytes, DEFAULT_START_TIMEOUT);
    }

    /** {@code SWITCHBOARD_MEDIA_HOST} (default 0.0.0.0) and {@code SWITCHBOARD_MEDIA_PORT} (default 8081), path /media. */
    public static MediaServerSettings from(SettingsSource source) {
        String host = source.getOrDefault("SWITCHBOARD_MEDIA_HOST", "").trim();
        String portText = source.getOrDefault("SWITCHBOARD_MEDIA_PORT", "").trim();
        // Both keys are read even when the first is bad, so one start-up names both.
        SettingsFields fields = new SettingsFields();
        int port = fields.read("SWITCHBOARD_MEDIA_PORT", DEFAULT_PORT, () -> {
            try {
                return portText.isEmpty() ? DEFAULT_PORT : Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SWITCHBOARD_MEDIA_PORT must be a port number, was '" + portText
                        + "'");
            }
        });
        Duration start = fields.read(START_TIMEOUT, null,
                () -> startTimeout(source.getOrDefault(START_TIMEOUT, "").trim().toLowerCase(Locale.ROOT)));
        fields.check();
        return new MediaServerSettings(host.isEmpty() ? "0.0.0.0" : host, port, DEFAULT_PATH, DEFAULT_MAX_FRAME_BYTES,
                start);
    }

    /** {@code 5} or {@code 5s} (seconds), {@code 800ms}. */
    private static Duration startTimeout(String text) {
        if (text.isEmpty()) {
            return DEFAULT_START_TIMEOUT;
        }
        try {
            Duration d = text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                    : Duration.ofSeconds(Long.parseLong(text.endsWith("s") ? text.substring(0, text.length() - 1) : text));
            if (d.toMillis() >= 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(START_TIMEOUT + " must be a positive duration like 5s or 800ms, was '"
                + text + "'");
    }

    /** On 127.0.0.1 and a free port (tests, benchmarks). */
    public static MediaServerSettings loopback() {
        return new MediaServerSettings("127.0.0.1", 0, DEFAULT_PATH, DEFAULT_MAX_FRAME_BYTES);
    }
}
