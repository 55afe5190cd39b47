package io.switchboard.telephony.voice;

import io.switchboard.models.settings.SettingsFields;
import io.switchboard.models.settings.SettingsSource;

import io.switchboard.telephony.twilio.TwimlResponses;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of the voice webhook.
 *
 * @param authToken        the Twilio auth token the webhook signatures are made with; may be null only when
 *                         {@code verifySignatures} is false
 * @param publicBaseUrl    how Twilio reaches this server ({@code https://switchboard.example}); the signed URL is
 *                         rebuilt from it
 * @param mediaStreamUrl   where Twilio opens the call's media WebSocket ({@code wss://switchboard.example/media})
 * @param verifySignatures false turns the {@code X-Twilio-Signature} check off: local development only
 */
public record TwilioVoiceSettings(String authToken, URI publicBaseUrl, URI mediaStreamUrl, boolean verifySignatures) {

    public TwilioVoiceSettings {
        Objects.requireNonNull(mediaStreamUrl, "mediaStreamUrl");
        if (verifySignatures && (authToken == null || authToken.isBlank() || publicBaseUrl == null)) {
            throw new IllegalArgumentException("verifying Twilio webhooks needs TWILIO_AUTH_TOKEN and SWITCHBOARD_PUBLIC_URL"
                    + " (or SWITCHBOARD_TWILIO_VERIFY=false for local development)");
        }
    }

    /**
     * Reads {@code TWILIO_AUTH_TOKEN}, {@code SWITCHBOARD_PUBLIC_URL} (e.g. {@code https://switchboard.example}),
     * {@code SWITCHBOARD_MEDIA_URL} (default {@code wss://<public host>/media}) and {@code SWITCHBOARD_TWILIO_VERIFY}
     * (default true; {@code false} switches signature checks off).
     */
    public static TwilioVoiceSettings from(SettingsSource source) {
        String token = blankToNull(source.get("TWILIO_AUTH_TOKEN"));
        String publicUrl = blankToNull(source.get("SWITCHBOARD_PUBLIC_URL"));
        String mediaUrl = blankToNull(source.get("SWITCHBOARD_MEDIA_URL"));
        // Every key is read even after a bad one, so one start-up names all of them.
        SettingsFields fields = new SettingsFields();
        boolean verify = fields.read("SWITCHBOARD_TWILIO_VERIFY", true, () -> verifyFrom(source));
        URI base = publicUrl == null ? null
                : fields.read("SWITCHBOARD_PUBLIC_URL", null, () -> absolute(publicUrl, "SWITCHBOARD_PUBLIC_URL"));
        URI media = mediaUrl == null ? null
                : fields.read("SWITCHBOARD_MEDIA_URL", null, () -> absolute(mediaUrl, "SWITCHBOARD_MEDIA_URL"));
        if (media == null && base != null) {
            media = TwimlResponses.mediaStreamUrlFor(base.getAuthority());
        } else if (media == null && publicUrl == null && mediaUrl == null) {
            fields.read("SWITCHBOARD_PUBLIC_URL", null, () -> {
                throw new IllegalArgumentException("set SWITCHBOARD_PUBLIC_URL (or SWITCHBOARD_MEDIA_URL) so Twilio"
                        + " knows where to stream calls");
            });
        }
        fields.check();
        return new TwilioVoiceSettings(token, base, media, verify);
    }

    /** {@code SWITCHBOARD_TWILIO_VERIFY}: true unless switched off, also when voice is not configured. */
    public static boolean verifyFrom(SettingsSource source) {
        String verifyText = source.getOrDefault("SWITCHBOARD_TWILIO_VERIFY", "true").strip().toLowerCase(Locale.ROOT);
        return switch (verifyText) {
            case "true", "yes", "1", "" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("SWITCHBOARD_TWILIO_VERIFY must be true or false, was '"
                    + verifyText + "'");
        };
    }

    /** Whether {@code SWITCHBOARD_PUBLIC_URL} or {@code SWITCHBOARD_MEDIA_URL} is set: voice over Twilio is wanted. */
    public static boolean configured(SettingsSource source) {
        return source.isSet("SWITCHBOARD_PUBLIC_URL") || source.isSet("SWITCHBOARD_MEDIA_URL");
    }

    private static URI absolute(String text, String name) {
        try {
            URI uri = URI.create(text);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException(name + " must be an absolute URL, was '" + text + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be an absolute URL, was '" + text + "'", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        // Keeps the auth token out of logs.
        return "TwilioVoiceSettings[publicBaseUrl=" + publicBaseUrl + ", mediaStreamUrl=" + mediaStreamUrl
                + ", verifySignatures=" + verifySignatures + "]";
    }
}
