package io.switchboard.server;

import io.switchboard.models.settings.SettingsSource;

import io.switchboard.scheduling.calendar.CalendarOutbox;
import io.switchboard.scheduling.calendar.CalendarRelay;
import io.switchboard.scheduling.calendar.WebhookCalendarSink;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Where booking changes are mirrored: {@code SWITCHBOARD_CALENDAR_WEBHOOK_URL} (with an optional
 * {@code SWITCHBOARD_CALENDAR_WEBHOOK_SECRET} to sign each POST). Unset, changes wait in the outbox, so a calendar
 * configured later still receives every booking made before.
 */
record CalendarSyncSettings(URI webhook, Optional<String> secret) {

    static final String WEBHOOK_URL = "SWITCHBOARD_CALENDAR_WEBHOOK_URL";
    static final String WEBHOOK_SECRET = "SWITCHBOARD_CALENDAR_WEBHOOK_SECRET";
    /** How often an idle relay looks for changes; a change waits at most this long on a healthy calendar. */
    static final Duration INTERVAL = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** @throws ConfigException when the URL is unusable */
    static Optional<CalendarSyncSettings> from(SettingsSource source) {
        String url = source.getOrDefault(WEBHOOK_URL, "").trim();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CalendarSyncSettings(URI.create(url),
                    Optional.ofNullable(source.get(WEBHOOK_SECRET)).filter(s -> !s.isBlank())));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(WEBHOOK_URL, "not a URL");
        }
    }

    /** A relay (not yet started) from the outbox to the webhook. */
    CalendarRelay relay(CalendarOutbox outbox, Clock clock) {
        WebhookCalendarSink sink;
        try {
            sink = new WebhookCalendarSink(webhook, secret, TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(WEBHOOK_URL, e.getMessage());
        }
        return new CalendarRelay(outbox, sink, clock, INTERVAL, MAX_BACKOFF);
    }
}
