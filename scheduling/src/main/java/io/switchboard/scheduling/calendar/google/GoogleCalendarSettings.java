package io.switchboard.scheduling.calendar.google;

import io.switchboard.models.settings.SettingsFields;
import io.switchboard.models.settings.SettingsSource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Google Calendar sync settings. Off unless both the credentials and the calendar id are set.
 *
 * @param credentials path of a service-account JSON key (the calendar is shared with its e-mail address)
 * @param calendarId  the calendar to mirror bookings to and read the owner's busy time from
 * @param apiUrl      root of the Calendar API, ending in {@code /} (tests point it at a loopback fake)
 * @param syncEvery   how often the owner's calendar is pulled
 */
public record GoogleCalendarSettings(Path credentials, String calendarId, URI apiUrl, Duration syncEvery) {

    public static final String CREDENTIALS = "SWITCHBOARD_GOOGLE_CREDENTIALS";
    public static final String CALENDAR_ID = "SWITCHBOARD_GOOGLE_CALENDAR_ID";
    public static final String API_URL = "SWITCHBOARD_GOOGLE_API_URL";
    public static final String SYNC_SECONDS = "SWITCHBOARD_GOOGLE_SYNC_SECONDS";
    public static final URI DEFAULT_API_URL = URI.create("https://www.googleapis.com/");
    static final Duration DEFAULT_SYNC = Duration.ofSeconds(60);

    /** @throws GoogleCalendarSetupException naming the setting that is unusable */
    public static Optional<GoogleCalendarSettings> from(SettingsSource source) {
        String credentials = source.getOrDefault(CREDENTIALS, "").trim();
        String calendarId = source.getOrDefault(CALENDAR_ID, "").trim();
        if (credentials.isEmpty() && calendarId.isEmpty()) {
            return Optional.empty();
        }
        // Every key is read even after a bad one, so one start-up names all of them.
        SettingsFields fields = new SettingsFields();
        Path key = fields.read(CREDENTIALS, null, () -> credentials(credentials));
        fields.read(CALENDAR_ID, null, () -> {
            if (calendarId.isEmpty()) {
                throw new GoogleCalendarSetupException(CALENDAR_ID, "required when " + CREDENTIALS + " is set", null);
            }
            return calendarId;
        });
        URI api = fields.read(API_URL, DEFAULT_API_URL, () -> apiUrl(source));
        Duration every = fields.read(SYNC_SECONDS, DEFAULT_SYNC, () -> syncEvery(source));
        fields.check();
        return Optional.of(new GoogleCalendarSettings(key, calendarId, api, every));
    }

    private static Path credentials(String credentials) {
        if (credentials.isEmpty()) {
            throw new GoogleCalendarSetupException(CREDENTIALS, "required when " + CALENDAR_ID + " is set", null);
        }
        Path key = Path.of(credentials);
        if (!Files.isReadable(key)) {
            throw new GoogleCalendarSetupException(CREDENTIALS, "no readable file at " + key, null);
        }
        return key;
    }

    private static URI apiUrl(SettingsSource source) {
        String raw = source.getOrDefault(API_URL, "").trim();
        if (raw.isEmpty()) {
            return DEFAULT_API_URL;
        }
        try {
            URI uri = URI.create(raw.endsWith("/") ? raw : raw + "/");
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not absolute");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new GoogleCalendarSetupException(API_URL, "not an http(s) URL", e);
        }
    }

    private static Duration syncEvery(SettingsSource source) {
        String raw = source.getOrDefault(SYNC_SECONDS, "").trim();
        if (raw.isEmpty()) {
            return DEFAULT_SYNC;
        }
        try {
            long seconds = Long.parseLong(raw);
            if (seconds < 1 || seconds > 86_400) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new GoogleCalendarSetupException(SYNC_SECONDS, "'" + raw + "' is not a number of seconds from 1 to 86400", e);
        }
    }
}
