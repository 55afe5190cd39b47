package io.switchboard.telephony.messaging;

import io.switchboard.models.settings.SettingsSource;

import io.switchboard.telephony.outbound.WhatsAppCloudSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which text channels are configured. A channel whose variables are all absent is off; one that is half configured
 * is a mistake and fails start-up, naming the missing variables (never their values).
 *
 * <p>SMS is on when {@code TWILIO_FROM_NUMBER} or {@code TWILIO_MESSAGING_SERVICE_SID} is set (Twilio credentials
 * alone may serve voice only); it then needs {@code TWILIO_ACCOUNT_SID}, {@code TWILIO_AUTH_TOKEN} and
 * {@code SWITCHBOARD_PUBLIC_URL} (unless {@code SWITCHBOARD_TWILIO_VERIFY=false}); {@code TWILIO_API_BASE_URL} is
 * optional. WhatsApp is on when any {@code WHATSAPP_*} variable is set and then needs {@code WHATSAPP_APP_SECRET},
 * {@code WHATSAPP_VERIFY_TOKEN}, {@code WHATSAPP_ACCESS_TOKEN} and {@code WHATSAPP_PHONE_NUMBER_ID};
 * {@code WHATSAPP_GRAPH_BASE_URL} and {@code WHATSAPP_API_VERSION} are optional.
 */
public record MessagingConfig(Optional<TwilioChannelConfig> sms, Optional<WhatsAppChannelConfig> whatsApp) {

    public static final String TWILIO_ACCOUNT_SID = "TWILIO_ACCOUNT_SID";
    public static final String TWILIO_AUTH_TOKEN = "TWILIO_AUTH_TOKEN";
    public static final String TWILIO_FROM_NUMBER = "TWILIO_FROM_NUMBER";
    public static final String TWILIO_MESSAGING_SERVICE_SID = "TWILIO_MESSAGING_SERVICE_SID";
    public static final String TWILIO_API_BASE_URL = "TWILIO_API_BASE_URL";
    public static final String PUBLIC_URL = "SWITCHBOARD_PUBLIC_URL";
    public static final String TWILIO_VERIFY = "SWITCHBOARD_TWILIO_VERIFY";
    public static final String WHATSAPP_APP_SECRET = "WHATSAPP_APP_SECRET";
    public static final String WHATSAPP_VERIFY_TOKEN = "WHATSAPP_VERIFY_TOKEN";
    public static final String WHATSAPP_ACCESS_TOKEN = "WHATSAPP_ACCESS_TOKEN";
    public static final String WHATSAPP_PHONE_NUMBER_ID = "WHATSAPP_PHONE_NUMBER_ID";
    public static final String WHATSAPP_GRAPH_BASE_URL = "WHATSAPP_GRAPH_BASE_URL";
    public static final String WHATSAPP_API_VERSION = "WHATSAPP_API_VERSION";

    public MessagingConfig {
        sms = sms == null ? Optional.empty() : sms;
        whatsApp = whatsApp == null ? Optional.empty() : whatsApp;
    }

    public static MessagingConfig none() {
        return new MessagingConfig(Optional.empty(), Optional.empty());
    }

    /** @throws IllegalStateException when a channel is half configured or a value is malformed */
    public static MessagingConfig from(SettingsSource source) {
        return new MessagingConfig(sms(source), whatsApp(source));
    }

    private static Optional<TwilioChannelConfig> sms(SettingsSource source) {
        String number = value(source, TWILIO_FROM_NUMBER);
        String service = value(source, TWILIO_MESSAGING_SERVICE_SID);
        if (number == null && service == null) {
            return Optional.empty();
        }
        boolean verify = !"false".equalsIgnoreCase(value(source, TWILIO_VERIFY));
        List<String> required = new ArrayList<>(List.of(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN));
        if (verify) {
            required.add(PUBLIC_URL);
        }
        requireAll(source, "SMS", required);
        try {
            return Optional.of(new TwilioChannelConfig(value(source, TWILIO_ACCOUNT_SID), value(source, TWILIO_AUTH_TOKEN),
                    service != null ? service : number, uri(source, TWILIO_API_BASE_URL), uri(source, PUBLIC_URL), verify));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SMS configuration is invalid: " + e.getMessage(), e);
        }
    }

    private static Optional<WhatsAppChannelConfig> whatsApp(SettingsSource source) {
        List<String> required = List.of(WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN,
                WHATSAPP_PHONE_NUMBER_ID);
        boolean any = Stream.concat(required.stream(), Stream.of(WHATSAPP_GRAPH_BASE_URL, WHATSAPP_API_VERSION))
                .anyMatch(name -> value(source, name) != null);
        if (!any) {
            return Optional.empty();
        }
        requireAll(source, "WhatsApp", required);
        URI graph = uri(source, WHATSAPP_GRAPH_BASE_URL);
        String version = value(source, WHATSAPP_API_VERSION);
        try {
            return Optional.of(new WhatsAppChannelConfig(value(source, WHATSAPP_APP_SECRET),
                    value(source, WHATSAPP_VERIFY_TOKEN), value(source, WHATSAPP_ACCESS_TOKEN),
                    value(source, WHATSAPP_PHONE_NUMBER_ID), graph == null ? WhatsAppCloudSettings.GRAPH_API : graph,
                    version == null ? WhatsAppChannelConfig.DEFAULT_API_VERSION : version));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("WhatsApp configuration is invalid: " + e.getMessage(), e);
        }
    }

    private static void requireAll(SettingsSource source, String channel, List<String> names) {
        List<String> missing = names.stream().filter(name -> value(source, name) == null).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(channel + " is partly configured; missing " + String.join(", ", missing));
        }
    }

    private static URI uri(SettingsSource source, String name) {
        String raw = value(source, name);
        if (raw == null) {
            return null;
        }
        try {
            URI uri = URI.create(raw);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not absolute");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " must be an absolute http(s) URL");
        }
    }

    private static String value(SettingsSource source, String name) {
        String v = source.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
