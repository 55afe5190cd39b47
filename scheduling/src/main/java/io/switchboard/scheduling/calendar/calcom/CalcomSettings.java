package io.switchboard.scheduling.calendar.calcom;

import io.switchboard.models.settings.SettingsFields;
import io.switchboard.models.settings.SettingsSource;

import io.switchboard.models.BusinessProfile;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Cal.com as the calendar, parsed once from the settings. On only when {@code SWITCHBOARD_CALENDAR=calcom}.
 *
 * @param apiKey        the Cal.com API key (sent as a Bearer token; never logged)
 * @param eventTypes    profile service id to the Cal.com event type that books it; other services book here only
 * @param apiUrl        root of the API, without a trailing slash (tests point it at a loopback fake)
 * @param webhookSecret the secret Cal.com signs webhooks with; empty when webhooks are not used
 */
public record CalcomSettings(String apiKey, Map<String, Long> eventTypes, URI apiUrl, String webhookSecret) {

    public static final String CALENDAR = "SWITCHBOARD_CALENDAR";
    public static final String API_KEY = "CALCOM_API_KEY";
    public static final String EVENT_TYPE_IDS = "CALCOM_EVENT_TYPE_IDS";
    public static final String API_URL = "CALCOM_API_URL";
    public static final String WEBHOOK_SECRET = "CALCOM_WEBHOOK_SECRET";
    public static final URI DEFAULT_API_URL = URI.create("https://api.cal.com");

    public CalcomSettings {
        eventTypes = Map.copyOf(eventTypes);
        webhookSecret = webhookSecret == null ? "" : webhookSecret;
    }

    /** The event type that books {@code serviceId} in Cal.com, if Cal.com handles that service. */
    public OptionalLong eventType(String serviceId) {
        Long id = serviceId == null ? null : eventTypes.get(serviceId);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    /**
     * The settings as configured; the service ids are checked against the business profile by
     * {@link #requireServicesOf}, once the profile is loaded.
     *
     * @throws CalcomSetupException naming the setting that is unusable
     */
    public static Optional<CalcomSettings> from(SettingsSource source) {
        String calendar = source.getOrDefault(CALENDAR, "").trim();
        if (!"calcom".equalsIgnoreCase(calendar)) {
            return Optional.empty();
        }
        // Every key is read even after a bad one, so one start-up names all of them.
        SettingsFields fields = new SettingsFields();
        String key = source.getOrDefault(API_KEY, "").trim();
        fields.read(API_KEY, null, () -> {
            if (key.isEmpty()) {
                throw new CalcomSetupException(API_KEY, "required when " + CALENDAR + "=calcom", null);
            }
            return key;
        });
        Map<String, Long> types = fields.read(EVENT_TYPE_IDS, Map.of(),
                () -> eventTypes(source.getOrDefault(EVENT_TYPE_IDS, "")));
        URI api = fields.read(API_URL, DEFAULT_API_URL, () -> apiUrl(source));
        fields.check();
        return Optional.of(new CalcomSettings(key, types, api, source.getOrDefault(WEBHOOK_SECRET, "").trim()));
    }

    /**
     * These settings when every service they name is one of {@code profile}'s.
     *
     * @throws CalcomSetupException naming {@value #EVENT_TYPE_IDS} and the profile's services otherwise
     */
    public CalcomSettings requireServicesOf(BusinessProfile profile) {
        for (String service : eventTypes.keySet()) {
            if (profile.service(service).isEmpty()) {
                throw new CalcomSetupException(EVENT_TYPE_IDS, "'" + service + "' is not a service of the business"
                        + " profile (services: " + String.join(", ", profile.services().stream()
                        .map(s -> s.id()).toList()) + ")", null);
            }
        }
        return this;
    }

    private static Map<String, Long> eventTypes(String raw) {
        Map<String, Long> types = new LinkedHashMap<>();
        for (String pair : raw.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String service = eq < 0 ? pair.trim() : pair.substring(0, eq).trim();
            String id = eq < 0 ? "" : pair.substring(eq + 1).trim();
            long eventType;
            try {
                eventType = Long.parseLong(id);
            } catch (NumberFormatException e) {
                throw new CalcomSetupException(EVENT_TYPE_IDS, "'" + pair.trim()
                        + "' is not service-id=eventTypeId with a numeric event type id", e);
            }
            if (eventType < 1 || types.put(service, eventType) != null) {
                throw new CalcomSetupException(EVENT_TYPE_IDS, "'" + pair.trim()
                        + "': event type ids are positive and each service is named once", null);
            }
        }
        if (types.isEmpty()) {
            throw new CalcomSetupException(EVENT_TYPE_IDS, "required when " + CALENDAR
                    + "=calcom: comma-separated service-id=eventTypeId pairs", null);
        }
        return types;
    }

    private static URI apiUrl(SettingsSource source) {
        String raw = source.getOrDefault(API_URL, "").trim();
        if (raw.isEmpty()) {
            return DEFAULT_API_URL;
        }
        try {
            URI uri = URI.create(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not absolute");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CalcomSetupException(API_URL, "not an http(s) URL", e);
        }
    }

    @Override
    public String toString() {
        return "CalcomSettings[eventTypes=" + eventTypes + ", apiUrl=" + apiUrl + ", webhook="
                + !webhookSecret.isEmpty() + "]"; // the key and secret stay out of logs
    }
}
