package io.switchboard.server;

import io.switchboard.media.server.MediaWebSocketServer;
import io.switchboard.models.settings.SettingsSource;

import java.net.URI;
import java.util.Optional;

/**
 * Where the browser softphone's page connects: {@value #SOFTPHONE_URL} when set, else under the configured media
 * URL or public URL (behind the TLS proxy, which routes {@code /media*} to the media port), else the host the
 * browser used with the media port.
 *
 * @param configured {@value #SOFTPHONE_URL}
 * @param mediaUrl   {@code SWITCHBOARD_MEDIA_URL}
 * @param publicUrl  {@code SWITCHBOARD_PUBLIC_URL}
 */
public record SoftphoneUrls(Optional<String> configured, Optional<String> mediaUrl, Optional<URI> publicUrl) {

    static final String SOFTPHONE_URL = "SWITCHBOARD_SOFTPHONE_URL";

    /** @throws IllegalArgumentException naming {@code SWITCHBOARD_PUBLIC_URL} when it is not a URL */
    static SoftphoneUrls from(SettingsSource source) {
        Optional<URI> publicUrl;
        try {
            publicUrl = source.value("SWITCHBOARD_PUBLIC_URL").map(URI::create);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SWITCHBOARD_PUBLIC_URL is not a URL");
        }
        return new SoftphoneUrls(source.value(SOFTPHONE_URL), source.value("SWITCHBOARD_MEDIA_URL"), publicUrl);
    }

    /** The URL for a page served to {@code requestHost} over TLS or not, with the media server {@code media}. */
    String forRequest(MediaWebSocketServer media, String requestHost, boolean secure) {
        if (configured.isPresent()) {
            return configured.get();
        }
        if (mediaUrl.isPresent()) {
            return mediaUrl.get().replaceFirst("/+$", "") + MediaWebSocketServer.SOFTPHONE_SUFFIX;
        }
        if (publicUrl.isPresent()) {
            URI u = publicUrl.get();
            return ("https".equalsIgnoreCase(u.getScheme()) ? "wss://" : "ws://") + u.getRawAuthority()
                    + media.softphonePath();
        }
        String host = requestHost == null ? "localhost" : requestHost.replaceFirst(":[0-9]+$", "");
        return (secure ? "wss://" : "ws://") + host + ":" + media.port() + media.softphonePath();
    }
}
